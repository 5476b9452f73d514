package org.npskit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.npskit.core.Breakdown;
import org.npskit.core.Contrast;
import org.npskit.core.Contrasts;
import org.npskit.core.IntervalMethod;
import org.npskit.core.NpsAccumulator;
import org.npskit.core.NpsTally;
import org.npskit.core.PValueAdjustment;
import org.npskit.core.Scale;
import org.npskit.policy.Decision;
import org.npskit.policy.DecisionKind;
import org.npskit.policy.Reason;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;

/**
 * {@code demo}: the seed story with the shipped sample data: which purchases deserve the
 * question, then the NPS with its interval set against the sector figures.
 */
final class DemoCommand implements Command {
  /** The Dutch NPS figures a Coolblue case study quotes (points). */
  private static final Map<String, Integer> SECTOR = Map.of(
      "Coolblue", 66, "best bank", 18, "supermarket", 23, "telecom", 1);

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "the story: toner vs. an installed OLED TV, an installer asked about the shop, then"
        + " an NPS report with intervals";
  }

  @Override
  public String help() {
    return String.join("\n",
        "usage: npskit demo",
        "",
        "Runs the shipped sample data (samples/policy.properties, samples/orders.csv,",
        "samples/installer-orders.csv, samples/responses.csv) through nps-policy and",
        "nps-core and explains the result: a business re-ordering toner every month is not",
        "surveyed about toner, its OLED TV with installation is; an installer buying",
        "fittings twice a week is asked about the shop twice a year, never about a",
        "fitting, and about the boiler he had installed; then the NPS of 180 answers",
        "(scores 1 to 10, as Coolblue asks) with the range the true NPS lies in, per",
        "channel, set against the Dutch figures a Coolblue case study quotes (Coolblue 66;",
        "best bank 18, telecom 1, supermarket 23).",
        "");
  }

  @Override
  public String run(String[] argv, PrintStream progress) {
    Args.parse(name(), argv, Set.of(), Set.of()).files(0, "no arguments");
    String policyText = resource("policy.properties");
    SurveyPolicy policy = PolicyFile.parse(policyText, "samples/policy.properties");
    Csv.Table ordersTable = Csv.parse(resource("orders.csv"), "samples/orders.csv");
    List<Orders.Order> orders = Orders.read(ordersTable);
    SurveyGate gate = SurveyGate.builder(policy)
        .clock(Clock.fixed(Instant.parse("2026-04-30T00:00:00Z"), ZoneOffset.UTC)).build();
    List<Decision> decisions = DecideCommand.decideAll(gate, orders);

    StringBuilder sb = new StringBuilder();
    sb.append("npskit demo: ask the right customer about the right purchase\n");
    sb.append("=============================================================\n\n");
    sb.append("A webshop asks \"Would you recommend us to a friend?\" a few days after delivery.\n");
    sb.append("Customer K-1 is a business (account B-77) that re-orders toner every month:\n");
    sb.append("asking about toner every month annoys it and measures nothing. In February it\n");
    sb.append("buys a 2199 EUR OLED TV with installation: that is the purchase worth asking about.\n\n");
    sb.append("Policy (samples/policy.properties):\n");
    policyText.lines().filter(l -> l.startsWith("nps.policy."))
        .forEach(l -> sb.append("  ").append(l).append('\n'));
    sb.append("\nDecisions, in event-time order (delivered_at, else ordered_at):\n\n");
    for (int i = 0; i < decisions.size(); i++) {
      Decision d = decisions.get(i);
      Orders.Order o = orders.get(i);
      sb.append(Text.f("  %s  %-6s %-4s %-6s  %s%n", o.purchase().eventTime(), d.orderId(),
          d.customerId(), d.outcome().name(), describe(o)));
      if (d.isSurvey()) {
        sb.append(Text.f("        -> survey about %s, sent %s%n", d.subjectSku().orElseThrow(),
            d.sendAt().orElseThrow()));
      }
      for (Reason r : d.reasons()) {
        sb.append(Text.f("        - %s: %s%n", r.code(), r.message()));
      }
      d.eligibleAgainAt().ifPresent(t -> sb.append(Text.f(
          "        (customer %s may be asked again, about a purchase that qualifies, from %s)%n", d.customerId(), t)));
    }
    long surveys = decisions.stream().filter(Decision::isSurvey).count();
    sb.append(Text.f("%n%d orders decided: %d surveys, %d skipped.%n", decisions.size(), surveys,
        decisions.size() - surveys));
    installer(sb, policy);

    Csv.Table answers = Csv.parse(resource("responses.csv"), "samples/responses.csv");
    List<Responses.Response> rs = Responses.readAll(answers, Scale.ONE_TO_TEN, ZoneOffset.UTC,
        new Responses.Needs(Optional.empty(), false, false, Optional.of("channel"), false));
    NpsAccumulator all = NpsAccumulator.create(Scale.ONE_TO_TEN);
    Map<String, NpsAccumulator> byChannel = new TreeMap<>();
    for (Responses.Response r : rs) {
      all.add(r.score());
      byChannel.computeIfAbsent(r.group(),
          k -> NpsAccumulator.create(Scale.ONE_TO_TEN)).add(r.score());
    }
    Figures total = Figures.of(all.tally(), Optional.empty(), 0.95, IntervalMethod.ADJUSTED_WALD);
    sb.append(Text.f("%nThe answers (samples/responses.csv: %d answers on a scale of 1 to 10, as "
        + "Coolblue asks;%n1 to 6 count as detractors, 7 and 8 as passives, 9 and 10 as "
        + "promoters)%n%n", rs.size()));
    Text.summary(sb, total, "adjusted Wald");
    sb.append(Text.f("  (with 95 %% confidence the true NPS lies in this interval; adjusted Wald "
        + "is how it is%n   computed: a method that stays reliable for small groups too)%n"));
    Text.distribution(sb, all.tally(), 1);
    List<String> keys = new ArrayList<>(byChannel.keySet());
    List<Figures> figs = byChannel.values().stream().map(a -> Figures.of(a.tally(),
        Optional.empty(), 0.95, IntervalMethod.ADJUSTED_WALD)).toList();
    List<Contrast<String>> vsRest = Contrasts.againstRest(Breakdown.of(byChannel.entrySet()
        .stream().map(e -> new Breakdown.Cell<>(e.getKey(), e.getValue().tally())).toList()),
        IntervalMethod.ADJUSTED_WALD, PValueAdjustment.HOLM);
    Text.table(sb, "By channel (95 % intervals; each channel against the other two)", keys, figs,
        ReportCommand.DEFAULT_MIN_SAMPLE, Optional.of(Versus.of(Versus.Kind.REST, keys, vsRest,
            PValueAdjustment.HOLM, 0.95)));

    sb.append(Text.f("%nAgainst the Dutch NPS figures a Coolblue case study quotes (points)%n"));
    List<Map.Entry<String, Integer>> sector = new ArrayList<>(SECTOR.entrySet());
    sector.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    sb.append(Text.f("  %-22s %6s  %s%n", "this shop (demo data)", Text.points(total.nps()),
        Text.strip(total.low(), total.nps(), total.high(), 41)));
    for (Map.Entry<String, Integer> e : sector) {
      String position = e.getValue() > total.high() ? "above our interval"
          : e.getValue() < total.low() ? "below our interval" : "inside our interval";
      sb.append(Text.f("  %-22s %6s  %s  %s%n", e.getKey(), Text.points(e.getValue()),
          Text.strip(e.getValue(), e.getValue(), e.getValue(), 41), position));
    }
    sb.append(Text.f("  (axis -100 .. +100, ':' marks 0, [ | ] the 95 %% interval)%n%n"));
    NpsTally t = all.tally();
    sb.append(Text.f("Reading: NPS %s, give or take about %.0f points, on %d answers.%n"
            + "Coolblue's 66 lies %s.%n"
            + "Telling a few points apart needs far more answers; how many, for +/- 5 points:%n"
            + "  %s sample-size --margin 5%n"
            + "How often such an interval really holds the true NPS at this n, by method:%n"
            + "  %s coverage --n %d --promoters %.2f --detractors %.2f%n",
        Text.points(total.nps()), (total.high() - total.low()) / 2, t.n(),
        66 > total.high() ? "above this interval" : 66 < total.low() ? "below this interval"
            : "inside this interval: not measurably different from this shop",
        Cli.launcher(), Cli.launcher(), t.n(), (double) t.promoters() / t.n(),
        (double) t.detractors() / t.n()));
    return sb.toString();
  }

  /**
   * The installer's year: a frequent buyer asked about the shop, not about his fittings, and
   * about the boiler he had installed.
   */
  private static void installer(StringBuilder sb, SurveyPolicy policy) {
    Csv.Table table = Csv.parse(resource("installer-orders.csv"), "samples/installer-orders.csv");
    List<Orders.Order> orders = Orders.read(table);
    SurveyGate gate = SurveyGate.builder(policy)
        .clock(Clock.fixed(Instant.parse("2026-12-31T00:00:00Z"), ZoneOffset.UTC)).build();
    List<Decision> decisions = DecideCommand.decideAll(gate, orders);
    sb.append("\nThe installer\n-------------\n");
    sb.append(Text.f("Customer K-7 installs heating and picks up fittings at the trade counter every"
        + " Monday%nand Thursday (samples/installer-orders.csv: %d orders in 2026). Asked about"
        + " every fitting,%nhe would be pestered and say little. From his 8th order within 30"
        + " days he is a frequent%nbuyer (relationship-trigger=8/P30D) and is asked about the shop"
        + " instead, at most every%n180 days (relationship-interval=P180D); the boiler he had"
        + " installed is still asked about.%n%nSurveys to K-7:%n", decisions.size()));
    int relationship = 0;
    int fittings = 0;
    int purchases = 0;
    int skippedAsPurchases = 0;
    for (int i = 0; i < decisions.size(); i++) {
      Decision d = decisions.get(i);
      boolean aboutTheShop = d.kind().orElse(null) == DecisionKind.RELATIONSHIP;
      if (!d.isSurvey()) {
        skippedAsPurchases += aboutTheShop ? 0 : 1;
        continue;
      }
      String about;
      if (aboutTheShop) {
        relationship++;
        about = "about the shop";
      } else {
        purchases++;
        fittings += d.subject().orElseThrow().category().toString().startsWith("plumbing") ? 1 : 0;
        about = "about " + describe(orders.get(i));
      }
      sb.append(Text.f("  %s  %-9s  %-13s  %s, sent %s%n", orders.get(i).purchase().eventTime(),
          d.orderId(), d.kind().orElseThrow(), about, d.sendAt().orElseThrow()));
    }
    int surveys = relationship + purchases;
    sb.append(Text.f("%n%d orders: %d surveys (%d about the relationship, %d about a purchase, %s"
            + " about a fitting);%n%d skipped: %d orders before he was a frequent buyer (fittings"
            + " below the minimum%norder value), %d relationship decisions within the cooldown or"
            + " the relationship interval.%n",
        decisions.size(), surveys, relationship, purchases, fittings == 0 ? "none" : fittings,
        decisions.size() - surveys, skippedAsPurchases,
        decisions.size() - surveys - skippedAsPurchases));
  }

  private static String describe(Orders.Order o) {
    StringBuilder s = new StringBuilder();
    o.purchase().lines().forEach(l -> s.append(s.length() == 0 ? "" : " + ")
        .append(l.quantity() > 1 ? l.quantity() + "x " : "").append(l.sku())
        .append(" (").append(l.category()).append(", ").append(l.unitPrice().amount())
        .append(l.services().isEmpty() ? "" : ", " + String.join("+", l.services()))
        .append(")"));
    return s.toString();
  }

  private static String resource(String name) {
    try (InputStream in = DemoCommand.class.getResourceAsStream("samples/" + name)) {
      if (in == null) {
        throw new IllegalStateException("sample data missing from the jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

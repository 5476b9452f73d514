package org.npskit.examples.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.npskit.policy.Decision;
import org.npskit.policy.Reason;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;
import org.npskit.policy.jdbc.JdbcContactHistory;

/** {@code decide}: replays an orders file through a policy and prints a decision per order. */
final class DecideCommand implements Command {
  private static final int PROGRESS_EVERY = 1000;

  @Override
  public String name() {
    return "decide";
  }

  @Override
  public String summary() {
    return "replay an orders CSV through a policy: SURVEY or SKIP per order, with reasons";
  }

  @Override
  public String help() {
    return String.join("\n",
        "usage: npskit decide --policy POLICY.properties [options] ORDERS.csv",
        "",
        "Decides every order of ORDERS.csv in event-time order (delivered_at, else",
        "ordered_at; stable for ties) and prints one decision per order. Columns (by header",
        "name, any order): order_id, customer_id, account_id, ordered_at, delivered_at, sku,",
        "category, unit_price, quantity, currency, services (';'-separated), consent.",
        "",
        "options:",
        "  --policy FILE    policy properties (keys under nps.policy., see the README)",
        "  --store URL      JDBC URL of a shared contact history (PostgreSQL or H2,",
        "                   credentials as URL parameters); the schema is created when",
        "                   missing. Default: in memory, nothing kept after the run",
        "  --format F       text (default) | json (one object per line)",
        "  --progress       show progress on stderr for more than 1000 orders even when",
        "                   stderr is not a terminal (default: only on a terminal)",
        "  --no-progress    never show progress",
        "  --help           this text",
        "");
  }

  @Override
  public String run(String[] argv, PrintStream progress) {
    Args a = Args.parse(name(), argv, Set.of("policy", "store", "format"),
        Set.of("progress", "no-progress"));
    String file = a.files(1, "one ORDERS.csv").get(0);
    String policyFile = a.requireValue("policy");
    boolean json = Formats.json(a);
    SurveyPolicy policy = PolicyFile.load(policyFile);
    Csv.Table table = Csv.read(file);
    Optional<String> store = a.value("store");
    // Everything is validated before the store is opened: a rejected file writes nothing.
    List<Orders.Order> orders = Orders.read(table,
        store.isPresent() ? JdbcContactHistory::requireStorableId : (id, column) -> { });
    for (Orders.Order o : orders) {
      requireThresholds(table, policy, o);
    }
    SurveyGate.Builder gate = SurveyGate.builder(policy);
    if (store.isPresent()) {
      gate.history(StoreUrls.open(store.get()));
    }
    boolean showProgress = !a.flag("no-progress")
        && (a.flag("progress") || Terminal.stderrIsTerminal());
    List<Decision> decisions = decideAll(gate.build(), orders, showProgress ? progress : null);
    return json ? jsonLines(decisions) : table(decisions);
  }

  private static void requireThresholds(Csv.Table t, SurveyPolicy policy, Orders.Order o) {
    try {
      policy.requireThresholdsFor(o.purchase().currency());
    } catch (IllegalArgumentException e) {
      throw t.error(o.firstRow(), t.column("currency"), e.getMessage());
    }
  }


  static List<Decision> decideAll(SurveyGate gate, List<Orders.Order> orders,
      PrintStream progress) {
    List<Decision> out = new ArrayList<>(orders.size());
    boolean show = progress != null && orders.size() > PROGRESS_EVERY;
    for (Orders.Order o : orders) {
      out.add(gate.decide(o.purchase()));
      if (show && out.size() % PROGRESS_EVERY == 0) {
        progress.printf("\rdecided %d of %d orders", out.size(), orders.size());
        progress.flush();
      }
    }
    if (show) {
      progress.printf("\rdecided %d of %d orders%n", out.size(), orders.size());
    }
    return out;
  }

  static Map<String, Object> toJson(Decision d) {
    Map<String, Object> o = Json.object();
    o.put("orderId", d.orderId());
    o.put("customerId", d.customerId());
    o.put("decision", d.outcome().name());
    o.put("reasons", d.reasonCodes().stream().map(Enum::name).collect(Collectors.toList()));
    o.put("subjectSku", d.subjectSku().orElse(null));
    o.put("sendAt", d.sendAt().map(Instant::toString).orElse(null));
    o.put("eligibleAgainAt", d.eligibleAgainAt().map(Instant::toString).orElse(null));
    o.put("kind", kind(d, null));
    return o;
  }

  /** The decision's kind (TRANSACTIONAL, RELATIONSHIP), or {@code none} when it has none. */
  static String kind(Decision d, String none) {
    return d.kind().map(Enum::name).orElse(none);
  }

  static String jsonLines(List<Decision> decisions) {
    StringBuilder sb = new StringBuilder();
    for (Decision d : decisions) {
      sb.append(Json.write(toJson(d))).append('\n');
    }
    return sb.toString();
  }

  static String table(List<Decision> decisions) {
    StringBuilder sb = new StringBuilder();
    int wo = 8;
    int wc = 8;
    int ws = 7;
    for (Decision d : decisions) {
      wo = Math.max(wo, d.orderId().length());
      wc = Math.max(wc, d.customerId().length());
      ws = Math.max(ws, d.subjectSku().orElse("-").length());
    }
    String fmt = "%-" + wo + "s  %-" + wc + "s  %-6s  %-13s  %-" + ws + "s  %-20s  %s%n";
    sb.append(Text.f(fmt, "order", "customer", "answer", "kind", "subject",
        "send at / again at", "reasons"));
    long surveys = 0;
    for (Decision d : decisions) {
      surveys += d.isSurvey() ? 1 : 0;
      String when = d.sendAt().or(d::eligibleAgainAt).map(Instant::toString).orElse("-");
      String reasons = d.reasons().isEmpty() ? "-"
          : d.reasons().stream().map(Reason::code).map(Enum::name)
              .collect(Collectors.joining(", "));
      sb.append(Text.f(fmt, d.orderId(), d.customerId(), d.outcome().name(), kind(d, "-"),
          d.subjectSku().orElse("-"), when, reasons));
    }
    sb.append(Text.f("%n%d orders: %d SURVEY, %d SKIP%n", decisions.size(), surveys,
        decisions.size() - surveys));
    return sb.toString();
  }
}

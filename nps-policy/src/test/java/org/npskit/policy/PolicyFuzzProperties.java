package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzing of every parser, builder and value constructor of nps-policy and of the gate at extreme
 * times: arbitrary (Unicode, blank, huge) strings and numbers, instants near {@link Instant#MIN}
 * and {@link Instant#MAX}, durations that overflow. Invariant: a value, or an {@link
 * IllegalArgumentException} whose message names the field or key and the value; never an
 * {@code ArithmeticException}, {@code DateTimeException}, {@code NullPointerException} or error.
 */
class PolicyFuzzProperties {
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
  private static final Duration MAX_DURATION = Duration.ofDays(3_652_425);

  private static final List<String> KEYS = List.of(
      "min-order-value", "min-line-value", "exclude-categories", "always-categories",
      "always-services", "customer-cooldown", "category-cooldown.tv/oled",
      "category-cooldown.TV/OLED", "category-cooldown.", "category-cooldown.a//b",
      "max-surveys-per-customer", "account-cooldown", "max-surveys-per-account",
      "response-cooldown", "repeat-subject-window", "sampling-rate", "sampling-salt",
      "holdout-rate", "holdout-salt", "send-delay", "store-failure",
      "relationship-trigger", "relationship-interval", "unknown-key", "");

  /** Values that are tricky for some parser: overflowing durations, huge numbers, Unicode. */
  private static final List<String> NASTY = List.of(
      "", " ", "\t", "PT9223372036854775807S", "PT-9223372036854775808S",
      "P106751991167300D", "P106751991167301D", "PT2562047788015215H", "P3652425D", "P3652426D",
      "-PT1S", "P1W", "P1M", "PT0S", "P90D", "PT0.000000001S", "9223372036854775807",
      "-9223372036854775808", "1e999999999", "1E+2147483647", "1e-2147483648", "NaN",
      "Infinity", "-0", "0.5", "1", "1.0000000000000000001", "100 EUR", "100 EUR, 110 USD",
      "1e9999 EUR", "1E+999999999 EUR", "99999999999999999999999999999.99 EUR", "-1 EUR",
      "100 eur", "100 XXX", "100 ZZZ", "100  EUR", "100 EUR,", ",", "1,5", "3/P365D", "0/P1D",
      "2147483648/P1D", "1/PT9223372036854775807S", "1/P3652426D", "1/PT0S", "1/-P1D", "1/",
      "/P1D", "8/P30D", "0/P30D", "8/30D", "8/-P30D", "printing/toner", "tv/oled", "TV/OLED", "a//b", "/", "/a", "a/", "\u0000",
      "\uD800", "\uFFFF", "caf\u00E9/\u1F600", "fail-open", "FAIL-CLOSED", "fail", "INSTALLATION");

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.of(NASTY)),
        net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(12)),
        net.jqwik.api.Tuple.of(2,
            Arbitraries.strings().withChars(" /,.-+0123456789PTDHMSEeUR:").ofMaxLength(16)),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().map(s -> "PT" + s + "S")));
  }

  @Provide
  Arbitrary<Map<String, String>> policyEntries() {
    Arbitrary<String> keys = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.of(KEYS).map(k -> "nps.policy." + k)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(8)
            .map(k -> "nps.policy." + k)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(8)));
    return Arbitraries.maps(keys, texts()).ofMaxSize(5);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.oneOf(
        Arbitraries.of(Instant.MIN, Instant.MAX, EARLIEST, LATEST, EARLIEST.minusNanos(1),
            LATEST.plusNanos(1), Instant.EPOCH, Fixtures.T0),
        Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
            .map(Instant::ofEpochSecond),
        Arbitraries.longs().between(EARLIEST.getEpochSecond(), LATEST.getEpochSecond())
            .map(Instant::ofEpochSecond));
  }

  @Provide
  Arbitrary<Duration> durations() {
    return Arbitraries.oneOf(
        Arbitraries.of(Duration.ZERO, MAX_DURATION, MAX_DURATION.plusNanos(1),
            Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(Long.MIN_VALUE),
            Duration.ofDays(90), Duration.ofNanos(1), Duration.ofNanos(-1)),
        Arbitraries.longs().map(Duration::ofSeconds),
        Arbitraries.longs().between(0, MAX_DURATION.getSeconds()).map(Duration::ofSeconds));
  }

  /** Runs {@code action}; passes if it returns, or throws an IAE whose message names the input. */
  private static <T> T valueOrIae(Supplier<T> action, String... named) {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).as("message of %s", e).isNotBlank().contains(named);
      return null;
    }
  }

  @Property(tries = 1500)
  void policyPropertiesGiveAPolicyOrAnIaeNamingTheKeyAndValue(
      @ForAll("policyEntries") Map<String, String> entries) {
    Properties p = new Properties();
    entries.forEach(p::setProperty);
    SurveyPolicy policy;
    try {
      policy = SurveyPolicy.fromProperties(p);
    } catch (IllegalArgumentException e) {
      assertThat(entries.entrySet()).as("no entry named in %s", e.getMessage())
          .anySatisfy(en -> assertThat(e.getMessage())
              .contains(en.getKey() + "=" + en.getValue().trim()));
      return;
    }
    decidesAtTheEdgesOfTime(policy);
  }

  /** A policy that loaded decides at the first and last accepted instants without failing. */
  private static void decidesAtTheEdgesOfTime(SurveyPolicy policy) {
    SurveyGate gate = SurveyGate.builder(policy).clock(Clock.fixed(LATEST, ZoneOffset.UTC))
        .build();
    for (Instant at : List.of(EARLIEST, Fixtures.T0, LATEST)) {
      Purchase p = Purchase.builder("O-" + at, "K-1").accountId("B-1").orderedAt(at)
          .line(Fixtures.line("TV-1", "tv/oled", "1899.00", 1, "INSTALLATION")).build();
      Decision d = valueOrIae(() -> gate.decide(p), "EUR");
      if (d != null) {
        assertThat(d.orderId()).isEqualTo(p.orderId());
        d.sendAt().ifPresent(s -> assertThat(s).isAfterOrEqualTo(
            at.truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
      }
    }
    gate.recordResponse("K-1", LATEST);
    gate.purgeExpired();
  }

  @Property(tries = 1000)
  void gateAtAnyInstantWithAnyWindowsDecidesOrRejectsTheInput(
      @ForAll("instants") Instant ordered, @ForAll("instants") Instant delivered,
      @ForAll("instants") Instant now, @ForAll("durations") Duration window,
      @ForAll("durations") Duration delay, @ForAll @IntRange(min = -1, max = 3) int cap) {
    SurveyPolicy.Builder b = SurveyPolicy.builder();
    boolean windowOk = !window.isNegative() && window.compareTo(MAX_DURATION) <= 0;
    boolean accepted = valueOrIae(() -> {
      b.customerCooldown(window).accountCooldown(window).responseCooldown(window)
          .repeatSubjectWindow(window).categoryCooldown("tv", window)
          .relationshipInterval(window);
      return true;
    }, window.toString()) != null;
    assertThat(accepted).isEqualTo(windowOk);
    valueOrIae(() -> b.sendDelay(delay), "sendDelay", delay.toString());
    FrequencyCap frequencyCap = valueOrIae(() -> new FrequencyCap(cap, window), "");
    if (frequencyCap != null) {
      b.maxSurveysPerCustomer(frequencyCap).maxSurveysPerAccount(frequencyCap);
    }
    RelationshipTrigger trigger = valueOrIae(() -> new RelationshipTrigger(cap, window), "");
    if (trigger != null) {
      b.relationshipTrigger(trigger);
    }
    SurveyGate gate = SurveyGate.builder(b.build()).clock(Clock.fixed(now, ZoneOffset.UTC))
        .build();

    Purchase.Builder pb = Purchase.builder("O-1", "K-1").accountId("B-1")
        .line(Fixtures.line("TV-1", "tv/lcd", "500.00", 1));
    boolean orderedOk = !ordered.isBefore(EARLIEST) && !ordered.isAfter(LATEST);
    assertThat(valueOrIae(() -> pb.orderedAt(ordered), "orderedAt", ordered.toString()) != null)
        .isEqualTo(orderedOk);
    if (!orderedOk) {
      return;
    }
    valueOrIae(() -> pb.deliveredAt(delivered), "deliveredAt", delivered.toString());
    Purchase purchase = valueOrIae(pb::build, "deliveredAt");
    if (purchase == null) {
      return;
    }
    Decision first = gate.decide(purchase);
    assertThat(first.isSurvey()).as("%s", first).isTrue();
    assertThat(first.sendAt()).isPresent();
    Purchase second = Purchase.builder("O-2", "K-1").accountId("B-1").orderedAt(ordered)
        .line(Fixtures.line("TV-1", "tv/lcd", "500.00", 1)).build();
    Decision again = gate.decide(second);
    assertThat(again.orderId()).isEqualTo("O-2");
    valueOrIae(() -> gate.evaluate(second, now), "now", now.toString());
    valueOrIae(() -> gate.decideNow(second), "now", now.toString());
    valueOrIae(() -> {
      gate.recordResponse("K-1", now);
      return true;
    }, "now", now.toString());
    valueOrIae(() -> {
      gate.purgeExpired();
      return true;
    }, "clock instant", now.toString());
    gate.cancel("O-1");
    gate.optOut("K-1");
    gate.eraseCustomer("K-1");
  }

  @Property(tries = 1500)
  void valueConstructorsGiveAValueOrAnIaeNamingTheValue(
      @ForAll("texts") String a, @ForAll("texts") String b, @ForAll("texts") String c,
      @ForAll int quantity, @ForAll double rate) {
    Money money = valueOrIaeNamingOneOf(() -> Money.of(a, b), a, b,
        "amount must not be negative");
    if (money != null) {
      assertThat(money.toString()).endsWith(b);
      assertThat(money.amount().signum()).isNotNegative();
    }
    valueOrIae(() -> CategoryPath.parse(a), a);
    valueOrIaeNamingOneOf(() -> FrequencyCap.parse(a), a, "count", "window");
    valueOrIae(() -> StoreFailureMode.fromPropertyValue(a), a);
    Money price = money != null ? money : Money.of("1", "EUR");
    valueOrIaeNamingOneOf(() -> OrderLine.of(b, c, price, quantity, a), b, c, a,
        String.valueOf(quantity));
    valueOrIaeNamingOneOf(() -> Purchase.builder(a, b), a, b);
    valueOrIae(() -> SurveyPolicy.builder().sampling(rate, a), String.valueOf(rate));
    valueOrIae(() -> SurveyPolicy.builder().holdout(rate, a), String.valueOf(rate));
    valueOrIaeNamingOneOf(() -> SurveyPolicy.builder().excludeCategories(a, b).alwaysCategories(c)
        .alwaysServices(a).build(), a, b, c, normalized(a), normalized(b), normalized(c));
    valueOrIaeNamingOneOf(() -> new Money(new BigDecimal(BigDecimal.ONE.toBigInteger(),
        quantity), Currency.getInstance("EUR")), "1E", "0.");
  }

  /** A path as rules print it, or the text itself when it is no path. */
  private static String normalized(String path) {
    try {
      return CategoryPath.parse(path).toString();
    } catch (IllegalArgumentException e) {
      return path;
    }
  }

  private static <T> T valueOrIaeNamingOneOf(Supplier<T> action, String... candidates) {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).as("message of %s", e).isNotBlank();
      List<String> named = new ArrayList<>();
      for (String s : candidates) {
        if (e.getMessage().contains(s)) {
          named.add(s);
        }
      }
      assertThat(named).as("%s names none of %s", e.getMessage(), List.of(candidates))
          .isNotEmpty();
      return null;
    }
  }

  @Property(tries = 1000)
  void purchasesFromArbitraryLinesAreBuiltOrRejectedWithAnIae(
      @ForAll @Size(max = 4) List<@IntRange(min = -2, max = 40) Integer> cents,
      @ForAll("texts") String currency, @ForAll boolean mixCurrencies) {
    Purchase.Builder b = Purchase.builder("O-1", "K-1").orderedAt(Fixtures.T0);
    for (int i = 0; i < cents.size(); i++) {
      int k = i;
      Money m = valueOrIae(() -> Money.of(cents.get(k) + ".5",
          mixCurrencies && k % 2 == 1 ? "USD" : currency), "");
      if (m != null) {
        b.line(OrderLine.of("S" + i, "tv", m, 1));
      }
    }
    Purchase p = valueOrIae(b::build, "O-1");
    if (p != null) {
      assertThat(p.orderValue().currency()).isEqualTo(p.currency());
      SurveyGate gate = SurveyGate.builder(SurveyPolicy.builder()
          .minOrderValue(Money.of("100", "EUR")).build()).build();
      valueOrIae(() -> gate.decide(p), p.currency().getCurrencyCode());
    }
  }
}

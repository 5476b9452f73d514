package org.npskit.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.npskit.policy.Decision;
import org.npskit.policy.DecisionConflictException;
import org.npskit.policy.DecisionListener;
import org.npskit.policy.Outcome;
import org.npskit.policy.Reason;
import org.npskit.policy.ReasonCode;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.SurveyPolicy;
import org.npskit.policy.jdbc.JdbcContactHistory;
import org.npskit.policy.spi.HistoryUnavailableException;

/**
 * {@code decide}: replays an orders file through a policy and prints a decision per order.
 *
 * <p>Under faults (DESIGN 3c): every order is read and checked before the first is decided (a
 * rejected file records nothing); then each decision is printed and flushed as soon as it is
 * recorded, in decision order. A failure to write the output stops the run (exit 1) before
 * anything more is recorded. A store failure is retried for {@code --store-retry}; when the store
 * stays down, the run stops (exit 1) naming the first order not decided. A decision is printed
 * only once the store holds it, so the lines printed, plus a rerun's {@code recordedDecision}
 * lines, account for every recorded survey.
 */
final class DecideCommand implements Command {
  private static final int PROGRESS_EVERY = 1000;

  /** How long a failing store is retried by default. */
  static final Duration DEFAULT_STORE_RETRY = Duration.ofSeconds(30);

  /** The longest {@code --store-retry}. */
  static final Duration MAX_STORE_RETRY = Duration.ofHours(24);

  /** The widest column of ids or SKUs in the text table; longer values push their row out. */
  static final int MAX_COLUMN = 40;

  private static final Pattern ISO_DURATION =
      Pattern.compile("PT([0-9]{1,5}H)?([0-9]{1,7}M)?([0-9]{1,9}(\\.[0-9]{1,3})?S)?");

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
        "ordered_at; stable for ties) and prints one decision per order, each as soon as it",
        "is recorded. Columns (by header name, any order): order_id, customer_id,",
        "account_id, ordered_at, delivered_at, sku, category, unit_price, quantity,",
        "currency, services (';'-separated), consent, time_zone (the customer's zone for",
        "the policy's send-window and send-days: an IANA id such as Europe/Amsterdam, or",
        "UTC; blank or absent: the policy's default-zone).",
        "",
        "options:",
        "  --policy FILE    policy properties (keys under nps.policy., see the README)",
        "  --store URL      JDBC URL of a shared contact history (PostgreSQL or H2,",
        "                   credentials as URL parameters); the schema is created when",
        "                   missing. Default: in memory, nothing kept after the run",
        "  --store-retry D  how long a failing store is retried before the run stops, as",
        "                   an ISO-8601 duration such as PT30S (default), PT2M or PT0S",
        "  --format F       text (default) | json (one object per line)",
        "  --progress       show progress on stderr for more than 1000 orders even when",
        "                   stderr is not a terminal (default: only on a terminal)",
        "  --no-progress    never show progress",
        "  --help           this text",
        "",
        "An order decided before (a rerun) is a SKIP with DUPLICATE_ORDER that says what",
        "the store holds for it: recordedDecision and recordedSendAt in JSON.",
        "",
        "exit codes: 0 every order decided; 2 bad input or usage (nothing decided);",
        "1 the store stayed down, standard output failed or the heap is too small: the",
        "lines printed are decisions recorded, stderr names the first order not decided,",
        "and running the same command again finishes the file without a second survey",
        "");
  }

  @Override
  public String run(String[] argv, PrintStream progress) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    run(argv, new PrintStream(bytes, true, StandardCharsets.UTF_8), progress);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void run(String[] argv, PrintStream out, PrintStream progress) {
    Args a = Args.parse(name(), argv, Set.of("policy", "store", "format", "store-retry"),
        Set.of("progress", "no-progress"));
    String file = a.files(1, "one ORDERS.csv").get(0);
    String policyFile = a.requireValue("policy");
    boolean json = Formats.json(a);
    Duration retry = storeRetry(a);
    SurveyPolicy policy = PolicyFile.load(policyFile);
    Optional<String> store = a.value("store");
    store.ifPresent(StoreUrls::check);
    // Everything is validated before the store is opened: a rejected file writes nothing.
    Orders.Batch orders;
    try (Csv.Table table = Csv.read(file)) {
      orders = Orders.read(table,
          store.isPresent() ? JdbcContactHistory::requireStorableId : (id, column) -> { },
          p -> policy.requireThresholdsFor(p.currency()), Runtime.getRuntime().maxMemory() / 2);
    }
    boolean showProgress = !a.flag("no-progress")
        && (a.flag("progress") || Terminal.stderrIsTerminal());
    Recorder recorder = new Recorder();
    SurveyGate.Builder gate = SurveyGate.builder(policy).listener(recorder);
    StoreUrls.Store opened = store.map(StoreUrls::open).orElse(null);
    try {
      if (opened != null) {
        gate.history(opened.history());
      }
      Sink sink = json ? new JsonLines(out) : new Table(out, orders);
      new Replay(gate.build(), recorder, orders, file, sink, progress, showProgress, retry,
          opened, System::nanoTime, Replay::sleep).all();
    } finally {
      if (opened != null) {
        opened.close();
      }
    }
  }

  private static Duration storeRetry(Args a) {
    Optional<String> v = a.value("store-retry");
    if (v.isEmpty()) {
      return DEFAULT_STORE_RETRY;
    }
    String text = v.get().strip().toUpperCase(java.util.Locale.ROOT);
    Duration d = null;
    if (ISO_DURATION.matcher(text).matches() && !text.equals("PT")) {
      try {
        d = Duration.parse(text);
      } catch (DateTimeParseException e) {
        d = null;
      }
    }
    if (d == null || d.compareTo(MAX_STORE_RETRY) > 0) {
      throw a.usage("option --store-retry must be an ISO-8601 duration of hours, minutes and "
          + "seconds from PT0S to PT24H, such as PT30S or PT2M, was %s",
          BadInputException.quote(v.get()));
    }
    return d;
  }

  /**
   * Decides the orders of a small file at once, in memory (the demo).
   *
   * @return the decisions in decision order
   */
  static List<Decision> decideAll(SurveyGate gate, List<Orders.Order> orders) {
    List<Decision> out = new ArrayList<>(orders.size());
    for (Orders.Order o : orders) {
      out.add(gate.decide(o.purchase()));
    }
    return out;
  }

  /**
   * What the gate told its listener about the decision just made: whether it was recorded and
   * whether the store failed. The CLI decides on one thread, so one field each suffices.
   */
  static final class Recorder implements DecisionListener {
    private boolean recorded;
    private HistoryUnavailableException failure;

    void reset() {
      recorded = false;
      failure = null;
    }

    @Override
    public void onDecision(Decision decision, boolean recorded) {
      this.recorded = recorded;
    }

    @Override
    public void onStoreFailure(HistoryUnavailableException failure) {
      this.failure = failure;
    }

    /**
     * Whether the decision just made may be printed: the store holds it (recorded, or a
     * duplicate telling what the store holds), or nothing was to be recorded and nothing failed.
     * A decision made while the store failed (a HISTORY_UNAVAILABLE skip, or a fail-open
     * answer on no history) was not recorded and is not.
     */
    boolean settled() {
      return recorded || failure == null;
    }

    HistoryUnavailableException failure() {
      return failure;
    }
  }

  /** Waits between retries. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  /** Where decisions go, one by one. */
  interface Sink {
    /** Before the first decision. */
    void start();

    /** One decision, recorded. */
    void decision(Decision d);

    /** After the last decision of a complete run. */
    void end(long orders, long surveys, long duplicates, long recordedSurveys);

    /** The stream, to flush and check. */
    PrintStream out();
  }

  /** One JSON object per line (the contract's fields, and for a duplicate what is recorded). */
  static final class JsonLines implements Sink {
    private final PrintStream out;

    JsonLines(PrintStream out) {
      this.out = out;
    }

    @Override
    public void start() {
      // no header
    }

    @Override
    public void decision(Decision d) {
      out.print(Json.write(toJson(d)) + "\n");
    }

    @Override
    public void end(long orders, long surveys, long duplicates, long recordedSurveys) {
      // no summary
    }

    @Override
    public PrintStream out() {
      return out;
    }
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
    if (isDuplicate(d)) {
      o.put("recordedDecision", d.recordedDecision().map(Enum::name).orElse(null));
      o.put("recordedSendAt", d.recordedSendAt().map(Instant::toString).orElse(null));
    }
    return o;
  }

  static boolean isDuplicate(Decision d) {
    return d.reasonCodes().contains(ReasonCode.DUPLICATE_ORDER);
  }

  /** The decision's kind (TRANSACTIONAL, RELATIONSHIP), or {@code none} when it has none. */
  static String kind(Decision d, String none) {
    return d.kind().map(Enum::name).orElse(none);
  }

  /**
   * The text table: columns as wide as the file's longest id and SKU (known before the first
   * decision, at most {@value #MAX_COLUMN}), so each row is printed as soon as it is decided.
   */
  static final class Table implements Sink {
    private final PrintStream out;
    private final String format;

    Table(PrintStream out, Orders.Batch orders) {
      this.out = out;
      int wo = Math.min(MAX_COLUMN, Math.max(8, orders.longestOrderId()));
      int wc = Math.min(MAX_COLUMN, Math.max(8, orders.longestCustomerId()));
      int ws = Math.min(MAX_COLUMN, Math.max(7, orders.longestSku()));
      this.format = "%-" + wo + "s  %-" + wc + "s  %-6s  %-13s  %-" + ws + "s  %-20s  %s%n";
    }

    @Override
    public void start() {
      out.print(Text.f(format, "order", "customer", "answer", "kind", "subject",
          "send at / again at", "reasons"));
    }

    @Override
    public void decision(Decision d) {
      String when = d.sendAt().or(d::eligibleAgainAt).map(Instant::toString).orElse("-");
      String reasons = d.reasons().isEmpty() ? "-"
          : d.reasons().stream().map(Reason::code).map(Enum::name)
              .collect(Collectors.joining(", "));
      if (isDuplicate(d)) {
        reasons += d.recordedDecision().map(o -> o == Outcome.SURVEY
            ? " (recorded: SURVEY, send at " + d.recordedSendAt().map(Instant::toString)
                .orElse("?") + ")"
            : " (recorded: SKIP)").orElse(" (recorded: unknown)");
      }
      out.print(Text.f(format, d.orderId(), d.customerId(), d.outcome().name(), kind(d, "-"),
          d.subjectSku().orElse("-"), when, reasons));
    }

    @Override
    public void end(long orders, long surveys, long duplicates, long recordedSurveys) {
      out.print(duplicates == 0
          ? Text.f("%n%d orders: %d SURVEY, %d SKIP%n", orders, surveys, orders - surveys)
          : Text.f("%n%d orders: %d SURVEY, %d SKIP (%d decided before, %d of them recorded as "
              + "SURVEY)%n", orders, surveys, orders - surveys, duplicates, recordedSurveys));
    }

    @Override
    public PrintStream out() {
      return out;
    }
  }

  /** One run over the orders: decide, retry a failing store, print. Not thread-safe. */
  static final class Replay {
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 2_000;

    private final SurveyGate gate;
    private final Recorder recorder;
    private final Orders.Batch orders;
    private final String file;
    private final Sink sink;
    private final PrintStream progress;
    private final boolean showProgress;
    private final Duration retry;
    private final StoreUrls.Store store;
    private final LongSupplier nanos;
    private final Sleeper sleeper;
    private long decided;
    private long surveys;
    private long duplicates;
    private long recordedSurveys;

    Replay(SurveyGate gate, Recorder recorder, Orders.Batch orders, String file, Sink sink,
        PrintStream progress, boolean showProgress, Duration retry, StoreUrls.Store store,
        LongSupplier nanos, Sleeper sleeper) {
      this.gate = gate;
      this.recorder = recorder;
      this.orders = orders;
      this.file = file;
      this.sink = sink;
      this.progress = progress;
      this.showProgress = showProgress && orders.size() > PROGRESS_EVERY;
      this.retry = retry;
      this.store = store;
      this.nanos = nanos;
      this.sleeper = sleeper;
    }

    static void sleep(long millis) throws InterruptedException {
      Thread.sleep(millis);
    }

    /** Decides and prints every order. */
    void all() {
      sink.start();
      flush(null);
      int n = orders.size();
      for (int i = 0; i < n; i++) {
        Orders.Order o = orders.order(i);
        Decision d = decide(o);
        sink.decision(d);
        decided++;
        surveys += d.isSurvey() ? 1 : 0;
        if (isDuplicate(d)) {
          duplicates++;
          recordedSurveys += d.recordedDecision().orElse(null) == Outcome.SURVEY ? 1 : 0;
        }
        flush(o);
        if (showProgress && decided % PROGRESS_EVERY == 0) {
          progress.printf("\rdecided %d of %d orders", decided, n);
          progress.flush();
        }
      }
      if (showProgress) {
        progress.printf("\rdecided %d of %d orders%n", decided, n);
      }
      sink.end(decided, surveys, duplicates, recordedSurveys);
      flush(null);
    }

    /** Flushes the output; a write that failed stops the run before anything more is recorded. */
    private void flush(Orders.Order last) {
      PrintStream out = sink.out();
      out.flush();
      if (!out.checkError()) {
        return;
      }
      String what = last == null
          ? Text.f("after %d of %d orders", decided, orders.size())
          : Text.f("at order %s (decision %d of %d): it was decided%s, but its line may be "
              + "lost", BadInputException.quoteSetting(last.purchase().orderId()), decided,
              orders.size(), store == null ? "" : " and recorded");
      throw new OutputFailedException("cannot write standard output (a full disk or a closed "
          + "pipe?): stopped " + what + (store == null ? " (no --store: nothing was kept)"
              : "; run the same command again to read the decisions already recorded "
                  + "(DUPLICATE_ORDER with recordedDecision) and decide the rest"));
    }

    /**
     * Decides one order, retrying while the store fails, for at most the retry budget since the
     * first failure of this order.
     */
    private Decision decide(Orders.Order o) {
      long firstFailure = 0;
      long backoff = FIRST_BACKOFF_MILLIS;
      boolean announced = false;
      while (true) {
        recorder.reset();
        Decision d = null;
        RuntimeException failure;
        try {
          d = gate.decide(o.purchase());
          failure = recorder.settled() ? null : recorder.failure();
        } catch (DecisionConflictException e) {
          failure = e;
        }
        if (failure == null) {
          if (announced) {
            progress.printf("npskit decide: contact history available again after %s; "
                + "continuing%n", seconds(nanos.getAsLong() - firstFailure));
          }
          return d;
        }
        long now = nanos.getAsLong();
        if (firstFailure == 0) {
          firstFailure = now == 0 ? 1 : now;
        }
        long left = retry.toNanos() - (now - firstFailure);
        if (left <= 0) {
          throw stayedDown(o, failure);
        }
        if (!announced) {
          announced = true;
          progress.printf("npskit decide: contact history unavailable at order %s (%s); "
              + "retrying for up to %s%n", BadInputException.quoteSetting(o.purchase().orderId()),
              reason(failure), retry);
        }
        try {
          sleeper.sleep(Math.max(1, Math.min(backoff, left / 1_000_000)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw stayedDown(o, failure);
        }
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
      }
    }

    private String reason(RuntimeException failure) {
      String m = StoreUrls.rootMessage(failure);
      return store == null ? m : store.scrub(m);
    }

    private static String seconds(long nanos) {
      return Text.f("%.1f s", nanos / 1e9);
    }

    private StoreUnavailableException stayedDown(Orders.Order o, RuntimeException failure) {
      String where = store == null ? "the contact history" : "--store " + store.shownUrl()
          + ": the contact history";
      return new StoreUnavailableException(Text.f("%s stayed unavailable for %s (--store-retry):"
          + " stopped at order %s (%s line %d), the first order not decided; %d of %d orders "
          + "were decided and printed. Run the same command again when the store is back: it "
          + "finishes the file without a second survey (orders decided before answer "
          + "DUPLICATE_ORDER with recordedDecision). Last error: %s", where, retry,
          BadInputException.quoteSetting(o.purchase().orderId()), file, o.firstLine(), decided,
          orders.size(), reason(failure)), failure);
    }
  }
}

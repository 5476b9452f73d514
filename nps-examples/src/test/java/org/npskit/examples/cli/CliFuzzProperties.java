package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing of the {@code npskit} command line, run in process through {@link Cli#run}: generated
 * responses, orders and policy files (valid and broken cells, extreme numbers and instants,
 * Unicode, wrong field counts, invalid UTF-8), the report's version-2 options ({@code --adjust},
 * {@code --latest-per-customer} over generated {@code customer_id} cells), {@code coverage}'s
 * options, and arbitrary argument lists for every command.
 * Invariant (the CLI contract): exit 0 with output, or exit 2 with a message on stderr and
 * nothing on stdout; never exit 1, never a stack trace. With {@code --store}, a rejected file
 * leaves the contact history exactly as it was. Free-text comments (written quoted, or raw so
 * that their commas, quotes and line breaks break the file) are personal data: no message on
 * stderr quotes one that is longer than {@value BadInputException#EXCERPT_LENGTH} characters.
 */
class CliFuzzProperties {
  private static final Path DIR = tempDir();
  private static final AtomicInteger FILES = new AtomicInteger();
  private static final String STORE = "jdbc:h2:mem:cli-fuzz-store;DB_CLOSE_DELAY=-1";

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("npskit-cli-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterContainer
  static void deleteFiles() throws IOException {
    try (Stream<Path> files = Files.walk(DIR)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** What one in-process run printed. */
  record Run(int exit, String out, String err) {}

  static Run run(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Cli.run(args.toArray(String[]::new), new PrintStream(out, true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The CLI contract for bad input: exit 2, one message, no partial output, no stack trace. */
  static void followsTheExitContract(Run r, List<String> args) {
    assertThat(r.exit()).as("exit of %s; stderr: %s", args, r.err()).isIn(0, 2);
    assertThat(r.err()).as("stderr of %s", args)
        .doesNotContain("\tat ", "Exception", "internal failure", "Caused by");
    if (r.exit() == 2) {
      assertThat(r.out()).as("stdout of a rejected %s", args).isEmpty();
      assertThat(r.err()).as("stderr of a rejected %s", args).isNotBlank();
    } else if (!args.contains("--format=json")) {
      assertThat(r.out()).as("stdout of %s", args).isNotEmpty(); // JSON lines may be none
    }
  }

  static Path write(String name, String text, boolean breakUtf8) {
    Path p = DIR.resolve(FILES.incrementAndGet() + "-" + name);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (breakUtf8 && bytes.length > 0) {
      bytes[bytes.length / 2] = (byte) 0xFF;
    }
    try {
      Files.write(p, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /**
   * No message on stderr quotes a whole free-text cell longer than the excerpt a message may show.
   */
  static void revealsNoFreeText(Run r, List<String> args, List<String> freeText) {
    for (String text : freeText) {
      // Written raw, a comment that starts with a quote opens a quoted field: the quote is CSV
      // syntax, the field's value (what the excerpt rule protects) is what follows it.
      String value = text.startsWith("\"") ? text.substring(1) : text;
      if (value.codePointCount(0, value.length()) > BadInputException.EXCERPT_LENGTH) {
        assertThat(r.err()).as("stderr of %s", args).doesNotContain(value)
            .doesNotContain(BadInputException.escape(value));
      }
    }
  }

  /** A generated file and the free-text cells (comments) written into it. */
  record Generated(String text, List<String> freeText) {
    static Generated of(String text) {
      return new Generated(text, List.of());
    }
  }

  /**
   * Renders rows as CSV: some cells quoted, LF or CRLF, maybe a BOM or a short last row, and
   * maybe the free-text columns' cells written raw (never quoted, so a comma, quote or line
   * break in them breaks the row).
   */
  static String csv(List<String> header, List<List<String>> rows, int style,
      Set<Integer> freeText) {
    StringBuilder sb = new StringBuilder((style & 4) != 0 ? "\uFEFF" : "");
    String eol = (style & 1) != 0 ? "\r\n" : "\n";
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (int i = 0; i < all.size(); i++) {
      List<String> cells = all.get(i);
      if ((style & 8) != 0 && i == all.size() - 1 && !cells.isEmpty()) {
        cells = cells.subList(0, cells.size() - 1);
      }
      List<String> rendered = new ArrayList<>();
      for (int k = 0; k < cells.size(); k++) {
        String c = cells.get(k);
        boolean raw = i > 0 && (style & 16) != 0 && freeText.contains(k);
        boolean quote = !raw && ((style & 2) != 0 || c.contains(",") || c.contains("\"")
            || c.contains("\n") || c.contains("\r"));
        rendered.add(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
      }
      sb.append(String.join(",", rendered)).append(eol);
    }
    return sb.toString();
  }

  /**
   * A column: its header, the valid cells, broken cells to plant in a valid file, and whether it
   * holds free text (personal data that messages must not quote whole).
   */
  record Column(String name, Arbitrary<String> good, Arbitrary<String> nasty, boolean freeText) {}

  private static Column column(String name, Arbitrary<String> good, String... nasty) {
    return new Column(name, good, Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(nasty)),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(6))), false);
  }

  /** Free-text comments: mostly longer than a message's excerpt, with commas, quotes, breaks. */
  private static Arbitrary<String> comments() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().withCharRange('a', 'z')
            .withChars(' ', ' ', ',', ';', '"', '\'', '\n', '\r', '\u00E9', '\u4E2D')
            .ofMinLength(1).ofMaxLength(60)),
        Tuple.of(2, Arbitraries.of("Anna Smit, 06-12345678: the courier was rude",
            "he said \"never again\" and left, twice", "\uD83D\uDE00 great, fast \uD83D\uDE00 delivery",
            "two\nlines of text, and a third\r\nhere", "ends in a quote, see \"")),
        Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(20)));
  }

  private static Column comment(String name) {
    return new Column(name, comments(), comments(), true);
  }

  /** One broken cell planted in a generated file. */
  record Mutation(int row, int column, String value) {}

  /**
   * A CSV file: mostly all columns in any order, sometimes a random choice of them (missing and
   * repeated columns); valid rows with up to two broken cells planted anywhere.
   */
  private static Arbitrary<Generated> table(List<Column> columns, int maxRows) {
    List<Integer> all = java.util.stream.IntStream.range(0, columns.size()).boxed().toList();
    Arbitrary<List<Integer>> picked = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.shuffle(all)),
        Tuple.of(1, Arbitraries.integers().between(0, columns.size() - 1)
            .list().ofMinSize(1).ofMaxSize(columns.size() + 1)));
    return picked.flatMap(idx -> {
      List<Column> used = idx.stream().map(columns::get).toList();
      List<String> header = used.stream().map(Column::name).toList();
      Arbitrary<List<String>> row =
          Combinators.combine(used.stream().map(Column::good).toList()).as(List::copyOf);
      Arbitrary<Mutation> mutation = Arbitraries.integers().between(0, used.size() - 1)
          .flatMap(c -> Combinators.combine(Arbitraries.integers().between(0, maxRows - 1),
              used.get(c).nasty()).as((r, v) -> new Mutation(r, c, v)));
      Set<Integer> freeText = java.util.stream.IntStream.range(0, used.size())
          .filter(k -> used.get(k).freeText()).boxed().collect(Collectors.toSet());
      return Combinators.combine(row.list().ofMaxSize(maxRows), mutation.list().ofMaxSize(2),
          Arbitraries.integers().between(0, 31))
          .as((rows, mutations, style) -> {
            List<List<String>> cells = new ArrayList<>();
            rows.forEach(r -> cells.add(new ArrayList<>(r)));
            for (Mutation m : mutations) {
              if (m.row() < cells.size()) {
                cells.get(m.row()).set(m.column(), m.value());
              }
            }
            List<String> texts = new ArrayList<>();
            for (List<String> r : cells) {
              freeText.forEach(k -> texts.add(r.get(k)));
            }
            return new Generated(csv(header, cells, style, freeText), List.copyOf(texts));
          });
    });
  }

  private static final String[] INSTANTS = {
    "+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z",
    "+10000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0000-12-31T23:59:59Z",
    "0001-01-01T00:00:00Z", "2300-01-01T00:00:00Z", "1600-01-01T00:00:00+18:00",
    "2026-01-01T00:00:00", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "", " "
  };

  @Provide
  Arbitrary<Generated> responsesFile() {
    Column score = column("score", Arbitraries.integers().between(0, 10).map(String::valueOf),
        "-1", "11", "1e1", "07", " 7 ", "10.0", "+5", "\u0663", "");
    Column at = column("answered_at", Arbitraries.of("2026-03-02T12:00:00Z",
        "2026-03-02T13:00:00+01:00", "2026-03-02", "2026-01-31"), concat(INSTANTS,
        "+999999999-12-31", "-999999999-01-01", "0000-01-01", "+10000-01-01"));
    Column weight = column("w", Arbitraries.of("1", "2.5", "0.25"), "0", "-0", "1e308",
        "1e154", "1e200", "1e-320", "1e-151", "NaN", "Infinity", "0x1p3", "");
    Column word = column("channel", Arbitraries.of("web", "store", "app"), "", " ", "a,b",
        "say \"hi\"", "two\nlines", "\u00E9\u4E2D\uD83D\uDE00");
    Column customer = column("customer_id", Arbitraries.of("K-1", "K-2", "K-3"), "", " ",
        "\u00E9\u4E2D", "K-1 ");
    Arbitrary<Generated> file = table(List.of(score, at, word, weight, customer,
        comment("comment")), 8);
    // A comment whose opening quote is never closed: the rest of the file is one field.
    Arbitrary<Generated> unclosed = Combinators.combine(file, comments())
        .as((f, c) -> new Generated(f.text() + "9,\"" + c + "\n10,web\n",
            List.of(c, c + "\n10,web\n")));
    return Arbitraries.frequencyOf(Tuple.of(8, file), Tuple.of(1, unclosed),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(40).map(Generated::of)),
        Tuple.of(1, Arbitraries.of("", "\uFEFF", "score\n", "\"score\n1", "score\n\"1\"x\n")
            .map(Generated::of)));
  }

  private static String[] concat(String[] a, String... b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }

  /** One option with a value drawn from valid and broken ones, or nothing. */
  private static Arbitrary<List<String>> option(String name, String... values) {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(List.<String>of())),
        Tuple.of(2, Arbitraries.of(values).map(v -> List.of("--" + name, v))),
        Tuple.of(1, Arbitraries.of(values).map(v -> List.of("--" + name + "=" + v))));
  }

  private static Arbitrary<List<String>> flag(String name) {
    return Arbitraries.of(List.<String>of(), List.of("--" + name));
  }

  private static Arbitrary<List<String>> options(List<Arbitrary<List<String>>> parts) {
    return Combinators.combine(parts).as(lists -> lists.stream().flatMap(List::stream).toList())
        .flatMap(Arbitraries::shuffle);
  }

  private static final String[] CONFIDENCES = {"0.95", "0.9", "0", "1", "NaN", "1e-300",
      "0.9999999999999999", "abc", "", "-0.5", "Infinity"};

  @Provide
  Arbitrary<List<String>> reportOptions() {
    return options(List.of(
        option("by", "channel", "score", "missing", "", "comment"),
        option("period", "day", "week", "month", "quarter", "year"),
        option("zone", "UTC", "+18:00", "-18:00", "Europe/Amsterdam", "Mars/Base", ""),
        option("scale", "0-10", "1-10", "2-9"),
        option("confidence", CONFIDENCES),
        option("method", "adjusted-wald", "wald", "tango", "bayes"),
        option("weight", "w", "missing", "comment"),
        option("min-sample", "30", "0", "-1", "2.5", "1e10", "x"),
        flag("skip-invalid"),
        option("format", "text", "json", "xml"),
        option("adjust", "holm", "bh", "none", "BH", "bonferroni", ""),
        flag("latest-per-customer"),
        option("svg", DIR.resolve("chart.svg").toString(), DIR.resolve("no/such/dir.svg")
            .toString())));
  }

  @Property(tries = 500)
  void reportOnAnyResponsesFileFollowsTheExitContract(
      @ForAll("responsesFile") Generated csv, @ForAll("reportOptions") List<String> options,
      @ForAll boolean breakUtf8) {
    List<String> args = new ArrayList<>(List.of("report"));
    args.addAll(options);
    args.add(write("responses.csv", csv.text(), breakUtf8).toString());
    Run r = run(args);
    followsTheExitContract(r, args);
    revealsNoFreeText(r, args, csv.freeText());
  }

  @Property(tries = 250)
  void compareOnAnyResponsesFilesFollowsTheExitContract(
      @ForAll("responsesFile") Generated a, @ForAll("responsesFile") Generated b,
      @ForAll("compareOptions") List<String> options) {
    List<String> args = new ArrayList<>(List.of("compare"));
    args.addAll(options);
    args.add(write("a.csv", a.text(), false).toString());
    args.add(write("b.csv", b.text(), false).toString());
    Run r = run(args);
    followsTheExitContract(r, args);
    revealsNoFreeText(r, args, a.freeText());
    revealsNoFreeText(r, args, b.freeText());
  }

  @Provide
  Arbitrary<List<String>> compareOptions() {
    return options(List.of(option("confidence", CONFIDENCES),
        option("method", "adjusted-wald", "wald", "tango"), option("scale", "0-10", "1-10"),
        flag("skip-invalid"), option("format", "text", "json")));
  }

  /** A required option: mostly a valid value, sometimes a broken one, rarely absent. */
  private static Arbitrary<List<String>> required(String name, String[] valid, String[] broken) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(List.<String>of())),
        Tuple.of(12, Arbitraries.of(valid).map(v -> List.of("--" + name, v))),
        Tuple.of(2, Arbitraries.of(broken).map(v -> List.of("--" + name + "=" + v))));
  }

  @Provide
  Arbitrary<List<String>> coverageOptions() {
    String[] shares = {"0", "1", "0.5", "0.4", "0.05", "0.3333", "-0", "1e-300"};
    String[] brokenShares = {"1.5", "-0.1", "NaN", "85", "x", ""};
    // The options in any order, each option's value right after it.
    return Combinators.combine(List.of(
        required("n", new String[] {"1", "2", "20", "137", "1000"},
            new String[] {"0", "1001", "2.5", "-1", "1e9", "x", ""}),
        required("promoters", shares, brokenShares), required("detractors", shares, brokenShares),
        option("confidence", "0.95", "0.9", "0.5", "0.999999", "1e-300", "0", "1", "NaN"),
        option("format", "text", "json", "json", "xml"))).as(List::copyOf)
        .flatMap(Arbitraries::shuffle)
        .map(groups -> groups.stream().flatMap(List::stream).toList());
  }

  /** Exit 0 with the table or JSON, or exit 2 naming the option; never a stack trace. */
  @Property(tries = 300)
  void coverageOnAnyOptionsFollowsTheExitContract(
      @ForAll("coverageOptions") List<String> options) {
    List<String> args = new ArrayList<>(List.of("coverage"));
    args.addAll(options);
    Run r = run(args);
    followsTheExitContract(r, args);
    Statistics.label("coverage exit").collect(r.exit());
    Statistics.label("coverage exit").coverage(c -> {
      c.check(0).percentage(p -> p > 8);   // enough runs get through to the computation
      c.check(2).percentage(p -> p > 15);
    });
    if (r.exit() == 0 && r.out().startsWith("{")) {
      assertThat(r.out()).contains("\"coverage\":{\"wald\":", "\"meanWidth\":{\"wald\":")
          .doesNotContain("null");
    }
  }

  @Provide
  Arbitrary<Generated> ordersFile() {
    return table(List.of(
        column("order_id", Arbitraries.of("O-1", "O-2", "O-3"), "", " ", "x".repeat(256),
            "\u0000", "\uD83D\uDE00"),
        column("customer_id", Arbitraries.of("K-1", "K-2"), "", "y".repeat(300)),
        column("account_id", Arbitraries.of("", "B-1"), "z".repeat(256), " "),
        column("ordered_at", Arbitraries.of("2026-01-05T09:00:00Z"), INSTANTS),
        column("delivered_at", Arbitraries.of("", "2026-02-06T10:00:00+01:00",
            "2026-04-01T00:00:00Z"), INSTANTS),
        column("sku", Arbitraries.of("TV-1", "TN-1"), "", "s".repeat(256)),
        column("category", Arbitraries.of("tv/oled", "printing/toner", "cables/usb"), "a//b",
            "/", "\u0000", ""),
        column("unit_price", Arbitraries.of("500.00", "59.95", "0"), "-1", "1e5",
            "99999999999999999999999999999999.99", "0.0000000000000000000001", ".5", "5.", ""),
        column("quantity", Arbitraries.of("1", "2"), "0", "999999999", "2147483648", "-1", ""),
        column("currency", Arbitraries.of("EUR"), "USD", "eur", "XXX", "ZZZ", ""),
        column("services", Arbitraries.of("", "INSTALLATION"), "a;;b", ";"),
        column("consent", Arbitraries.of("", "true", "false"), "maybe"),
        comment("note")), 6);
  }

  @Provide
  Arbitrary<String> policyFile() {
    Arbitrary<String> key = Arbitraries.of("min-order-value", "min-line-value",
        "exclude-categories", "always-categories", "always-services", "customer-cooldown",
        "category-cooldown.tv", "max-surveys-per-customer", "account-cooldown",
        "max-surveys-per-account", "response-cooldown", "repeat-subject-window",
        "sampling-rate", "sampling-salt", "holdout-rate", "send-delay", "store-failure",
        "unknown");
    Arbitrary<String> value = Arbitraries.of("100 EUR", "100 EUR, 110 USD", "1E+999999999 EUR",
        "99999999999999999999999999999999 EUR", "tv/oled", "printing/toner, tv", "a//b",
        "INSTALLATION", "P90D", "PT0S", "PT9223372036854775807S", "P3652425D", "P3652426D",
        "-P1D", "P1W", "3/P365D", "1/PT9223372036854775807S", "0/P1D", "0.5", "1.5", "NaN",
        "fail-open", "\\uZZZZ", "", "\u00E9");
    Arbitrary<String> line = Arbitraries.frequencyOf(
        Tuple.of(8, Combinators.combine(key, value).as((k, v) -> "nps.policy." + k + "=" + v)),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(12)));
    return line.list().ofMaxSize(4).map(l -> String.join("\n", l) + "\n");
  }

  @Property(tries = 400)
  void decideOnAnyOrdersAndPolicyFollowsTheExitContract(
      @ForAll("ordersFile") Generated orders, @ForAll("policyFile") String policy,
      @ForAll boolean json) {
    List<String> args = new ArrayList<>(List.of("decide", "--no-progress", "--policy",
        write("policy.properties", policy, false).toString()));
    if (json) {
      args.add("--format=json");
    }
    args.add(write("orders.csv", orders.text(), false).toString());
    Run r = run(args);
    followsTheExitContract(r, args);
    revealsNoFreeText(r, args, orders.freeText());
  }

  @Property(tries = 150)
  void aRejectedOrdersFileLeavesTheStoreAsItWas(
      @ForAll("ordersFile") Generated orders, @ForAll("policyFile") String policy) {
    String before = dump(STORE);
    List<String> args = List.of("decide", "--no-progress", "--store", STORE, "--policy",
        write("policy.properties", policy, false).toString(),
        write("orders.csv", orders.text(), false).toString());
    Run r = run(args);
    followsTheExitContract(r, args);
    if (r.exit() == 2) {
      assertThat(dump(STORE)).as("history after the rejected %s", r.err()).isEqualTo(before);
    }
  }

  /** Every table of the store, row by row, in a fixed order ("" before the schema exists). */
  /** How many decisions the store at the URL holds. */
  static long decisions(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM npskit_decision")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String dump(String url) {
    StringBuilder sb = new StringBuilder();
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      for (String table : List.of("customer", "account", "decision", "response")) {
        sb.append(table).append(':');
        try (ResultSet rs = st.executeQuery("SELECT * FROM npskit_" + table + " ORDER BY 1, 2")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              sb.append(rs.getString(i)).append('|');
            }
            sb.append('\n');
          }
        }
      }
    } catch (SQLException e) {
      if (!"42S02".equals(e.getSQLState()) && !"42S04".equals(e.getSQLState())) {
        throw new AssertionError(e);
      }
      return "";
    }
    return sb.toString();
  }

  @Provide
  Arbitrary<List<String>> anyArguments() {
    Path responses = write("ok-responses.csv", "score,channel\n9,web\n3,store\n", false);
    Path orders = write("ok-orders.csv", "order_id,customer_id,ordered_at,sku,category,"
        + "unit_price,quantity,currency\nO-1,K-1,2026-01-01T00:00:00Z,TV-1,tv,500,1,EUR\n", false);
    Path policy = write("ok-policy.properties", "nps.policy.customer-cooldown=P90D\n", false);
    Arbitrary<String> token = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of("--by", "--period", "--zone", "--scale", "--confidence",
            "--method", "--weight", "--min-sample", "--skip-invalid", "--format",
            "--svg=" + DIR.resolve("any.svg"),
            "--margin", "--promoters", "--detractors", "--policy", "--store", "--progress",
            "--no-progress", "--debug", "--", "-", "--=", "--format=json", "--margin=5",
            "--unknown", "--adjust", "--latest-per-customer", "--n", "--n=20", "--version",
            "-h", "-by", "--skip-invalid=yes")),
        Tuple.of(4, Arbitraries.of(responses.toString(), orders.toString(), policy.toString(),
            DIR.toString(), DIR.resolve("missing.csv").toString(), "channel", "json", "text",
            "5", "0", "-3", "1e308", "1e-308", "NaN", "0.5", "0.95", "1", "week", "UTC",
            "jdbc:nope:x", "not-a-url", "jdbc:h2:mem:cli-fuzz-args;DB_CLOSE_DELAY=-1",
            "nul\u0000name.csv", "holm", "bh", "none", "1000", "0.85", "0.05")),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(8)));
    Arbitrary<String> command = Arbitraries.of("demo", "report", "compare", "sample-size",
        "coverage", "decide", "help", "--help", "-h", "--version", "Report", "reprot", "");
    return Combinators.combine(command, token.list().ofMaxSize(8))
        .as((c, rest) -> {
          List<String> args = new ArrayList<>();
          args.add(c);
          args.addAll(rest);
          return args;
        });
  }

  @Property(tries = 1500)
  void everyCommandOnAnyArgumentsFollowsTheExitContract(
      @ForAll("anyArguments") List<String> args) {
    Run r = run(args);
    followsTheExitContract(r, args);
  }
}

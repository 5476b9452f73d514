package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.npskit.policy.SurveyPolicy;

/**
 * Hostile or sloppy input: a clear error naming the culprit (file, line, column, the cell),
 * quoted values escaped and cut, bounds that keep it cheap, and URLs that could run code refused
 * before any connection.
 */
class InputHygieneTest {
  private static final String ORDERS_HEADER =
      "order_id,customer_id,ordered_at,sku,category,unit_price,quantity,currency\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private Path writeBytes(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static String rejected(String... args) {
    CliFuzzProperties.Run r = CliFuzzProperties.run(List.of(args));
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    return r.err();
  }

  private static byte[] concat(String before, int bad, String after) {
    byte[] a = before.getBytes(StandardCharsets.UTF_8);
    byte[] b = after.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[a.length + 1 + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    out[a.length] = (byte) bad;
    System.arraycopy(b, 0, out, a.length + 1, b.length);
    return out;
  }

  @Test
  void invalidUtf8IsReportedAtItsLineColumnAndCharacter() throws IOException {
    Path f = writeBytes("r.csv", concat("score,comment\n9,fine\n7,caf", 0xFF, "!\n"));
    assertThat(rejected("report", f.toString())).isEqualTo(f + ":3:2 (comment): value \"caf\": "
        + "the file is not valid UTF-8: byte 0xFF at character 6 of line 3\n");
    // A sequence cut short by the end of the file is named too.
    Path cut = writeBytes("c.csv", concat("score\n9\n", 0xC3, ""));
    assertThat(rejected("report", cut.toString())).startsWith(cut + ":3:1 (score): value \"\": "
        + "the file is not valid UTF-8: byte 0xC3 at character 1 of line 3");
  }

  @Test
  void aRecordLongerThanTheLimitIsRejectedWithoutReadingTheRest() throws IOException {
    // /dev/zero as input: NUL characters and no line end.
    Path zeros = writeBytes("z.csv", new byte[Csv.MAX_RECORD_CHARS + 10]);
    String err = rejected("report", zeros.toString());
    assertThat(err).startsWith(zeros + ":1:1: value \"" + "\\u0000".repeat(20) + "...\": "
        + "the record is longer than 1048576 characters");
    assertThat(err.length()).isLessThan(400);
  }

  @Test
  void aHeaderNamingAColumnTwiceNamesBothPlaces() throws IOException {
    Path f = write("r.csv", "score,channel,score\n9,web,3\n");
    assertThat(rejected("report", f.toString())).isEqualTo(f + ":1:3: value \"score\": the header "
        + "names this column twice: column 1 (line 1) and column 3 (line 1); every column needs a "
        + "name of its own\n");
    Path orders = write("o.csv", "order_id,customer_id,ordered_at,sku,category,unit_price,"
        + "quantity,currency,sku\nA,K,2026-01-01T00:00:00Z,S,tv,1,1,EUR,T\n");
    assertThat(rejected("decide", "--policy", write("p.properties", "").toString(),
        orders.toString())).contains(":1:9: value \"sku\"", "column 4 (line 1) and column 9");
  }

  @Test
  void aPriceWithTooManyDigitsNamesTheUnitPriceCellAndIsRejectedQuickly() throws IOException {
    Path policy = write("p.properties", "");
    Path decimals = write("d.csv", ORDERS_HEADER + "A,K,2026-01-01T00:00:00Z,S,tv,1."
        + "5".repeat(1001) + ",1,EUR\n");
    assertThat(rejected("decide", "--policy", policy.toString(), decimals.toString()))
        .startsWith(decimals + ":2:6 (unit_price): value \"1.555555555555555555...\": "
            + "unit_price has too many digits: at most 18 before the point and 18 after");
    Path huge = write("h.csv", ORDERS_HEADER + "A,K,2026-01-01T00:00:00Z,S,tv,"
        + "9".repeat(1_000_000) + ",1,EUR\n");
    long start = System.nanoTime();
    assertThat(rejected("decide", "--policy", policy.toString(), huge.toString()))
        .startsWith(huge + ":2:6 (unit_price)").contains("too many digits");
    // Was 17-25 s (BigDecimal parses a million digits in quadratic time).
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
    Path nineteen = write("n.csv", ORDERS_HEADER + "A,K,2026-01-01T00:00:00Z,S,tv,"
        + "1".repeat(19) + ",1,EUR\n");
    assertThat(rejected("decide", "--policy", policy.toString(), nineteen.toString()))
        .contains("(unit_price)", "too many digits");
  }

  @Test
  void controlCharactersInAQuotedValueAreShownEscapedNeverRaw() throws IOException {
    String ansi = "\u001b[2J\u001b[31mgotcha";
    Path f = write("r.csv", "score,comment\n\"" + ansi + "\",x\n");
    String err = rejected("report", f.toString());
    assertThat(err).contains("value \"\\u001b[2J\\u001b[31mgotcha\"").doesNotContain("\u001b");
    assertThat(BadInputException.escape("a\"b\\c\u202Ed\u2028e\uD800"))
        .isEqualTo("a\\\"b\\\\c\\u202ed\\u2028e\\ud800");
    // An option's value is escaped too.
    assertThat(rejected("report", "--format", "\u001b[31mred", f.toString()))
        .contains("was \"\\u001b[31mred\"").doesNotContain("\u001b");
  }

  @Test
  void aFiftyMegabyteCellGivesAMessageOfAFewHundredCharacters() throws IOException {
    Path f = write("r.csv", "score,comment\nten,\"" + "x".repeat(1_000_000) + "\"\n");
    String err = rejected("report", f.toString());
    assertThat(err).contains("(score): value \"ten\"");
    assertThat(err.length()).isLessThan(300);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x1p-1", "1e-1", "NaN", "Infinity", "-Infinity", ".5", "0.5f", "5."})
  void numericOptionsArePlainDecimalsOnly(String value) throws IOException {
    Path f = write("r.csv", "score\n9\n");
    assertThat(rejected("report", "--confidence", value, f.toString())).startsWith(
        "npskit report: option --confidence must be a plain decimal number such as 0.95 or 30")
        .contains("was \"" + value + "\"");
  }

  @Test
  void aWeightIsADecimalNumberNotAJavaLiteral() throws IOException {
    Path ok = write("ok.csv", "score,w\n9,1.5\n3,2.5e-1\n");
    CliFuzzProperties.Run r = CliFuzzProperties.run(List.of("report", "--weight", "w",
        "--format", "json", ok.toString()));
    assertThat(r.exit()).as(r.err()).isZero();
    for (String odd : new String[] {"0x1p-1", "1d", "NaN", "Infinity"}) {
      Path f = write("w.csv", "score,w\n9," + odd + "\n");
      assertThat(rejected("report", "--weight", "w", f.toString())).as(odd)
          .startsWith(f + ":2:2 (w): value \"" + odd + "\": weight must be");
    }
  }

  @Test
  void aPolicyFileWithAByteOrderMarkKeepsItsFirstKey() {
    SurveyPolicy p = PolicyFile.parse("\uFEFFnps.policy.min-order-value=100000 EUR\n", "p");
    assertThat(p.minOrderValue(java.util.Currency.getInstance("EUR"))).isNotEmpty();
  }

  @Test
  void aPolicyKeySetTwiceNamesBothLines() throws IOException {
    assertThatThrownBy(() -> PolicyFile.parse("# cooldowns\nnps.policy.customer-cooldown=P90D\n"
        + "nps.policy.sampling-rate=0.5\n\nnps.policy.customer-cooldown : P30D\n", "p.properties"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("p.properties:5:1 (nps.policy.customer-cooldown): value \"nps.policy."
            + "customer-cooldown : P30D\": nps.policy.customer-cooldown is set twice: on line 2 and"
            + " on line 5; keep one");
    // A continuation line belongs to its key; a comment is no key.
    SurveyPolicy p = PolicyFile.parse("nps.policy.exclude-categories=toner, \\\n"
        + "  paper\n#nps.policy.exclude-categories=tv\n", "p.properties");
    assertThat(p.excludeCategories()).hasSize(2);
  }

  @Test
  void aPolicyErrorNamesTheLineOfItsKey() {
    assertThatThrownBy(() -> PolicyFile.parse("nps.policy.sampling-rate=0.5\r\n\r\n"
        + "nps.policy.customer-cooldown=soon\r\n", "p.properties"))
        .hasMessageStartingWith("p.properties:3:1 (nps.policy.customer-cooldown): value "
            + "\"nps.policy.customer-cooldown=soon\"");
  }

  @Test
  void invalidUtf8InAPolicyFileIsReportedAtItsLine() throws IOException {
    Path f = writeBytes("p.properties", concat("nps.policy.sampling-rate=0.5\n# caf", 0xE9,
        "\n"));
    Path orders = write("o.csv", ORDERS_HEADER);
    assertThat(rejected("decide", "--policy", f.toString(), orders.toString())).startsWith(
        f + ":2:1: value \"# caf\": the file is not valid UTF-8: byte 0xE9 at character 6 of "
            + "line 2");
  }

  @Test
  void anH2UrlThatWouldRunCodeIsRefusedBeforeAnyConnection() throws Exception {
    String db = "jdbc:h2:mem:hygiene-" + System.nanoTime();
    Path policy = write("p.properties", "");
    Path orders = write("o.csv", ORDERS_HEADER + "A,K,2026-01-01T00:00:00Z,S,tv,1,1,EUR\n");
    String[] urls = {
      db + ";DB_CLOSE_DELAY=-1;INIT=CREATE TABLE PWNED(X INT)",
      db + ";DB_CLOSE_DELAY=-1;init=CREATE TABLE PWNED(X INT)",
      // English upper-casing makes a dotless i an I: H2 reads this key as INIT.
      db + ";DB_CLOSE_DELAY=-1;\u0131n\u0131t=CREATE TABLE PWNED(X INT)",
      db + ";MODE=X\\;INIT=CREATE TABLE PWNED(X INT)",
      db + ";DATABASE_EVENT_LISTENER='org.example.Evil'",
      db + ";AUTO_SERVER=TRUE",
      db + ";TRACE_LEVEL_SYSTEM_OUT=3",
    };
    try (Connection keep = DriverManager.getConnection(db + ";DB_CLOSE_DELAY=-1")) {
      for (String url : urls) {
        assertThat(rejected("decide", "--store", url, "--policy", policy.toString(),
            orders.toString())).as(url).startsWith("--store: the H2 setting \"")
            .contains("is refused", "SECURITY.md");
      }
      try (ResultSet rs = keep.getMetaData().getTables(null, null, "PWNED", null)) {
        assertThat(rs.next()).as("INIT ran").isFalse();
      }
      try (ResultSet rs = keep.getMetaData().getTables(null, null, "NPSKIT_DECISION", null)) {
        assertThat(rs.next()).as("a refused URL connected").isFalse();
      }
    }
    assertThat(rejected("decide", "--store", db + ";INIT=RUNSCRIPT FROM 'x.sql'", "--policy",
        policy.toString(), orders.toString())).contains("\"INIT\" is refused: it runs SQL");
  }

  @Test
  void theH2SettingsAreSplitAsH2SplitsThem() {
    assertThat(StoreUrls.h2Settings("jdbc:h2:mem:a")).isEmpty();
    assertThat(StoreUrls.h2Settings("jdbc:h2:file:./x;user=sa;PASSWORD=a\\;b;;CIPHER=AES"))
        .containsExactly("USER", "PASSWORD", "CIPHER");
    assertThat(StoreUrls.h2Settings("jdbc:h2:mem:a;JUNK")).containsExactly("JUNK");
    StoreUrls.check("jdbc:h2:mem:a;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=5000;CIPHER=AES");
  }
}

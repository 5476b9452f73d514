package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A free-text comment is personal data: every bad-input message that quotes a row or a cell shows
 * at most its first {@value BadInputException#EXCERPT_LENGTH} characters, one example per message.
 */
class MessageExcerptTest {
  private static final String COMMENT = "Anna Smit, 06-12345678: the courier was rude";
  /** Its first 20 characters and the mark of the cut. */
  private static final String COMMENT_EXCERPT = "Anna Smit, 06-123456...";
  private static final String ORDERS_HEADER =
      "order_id,customer_id,ordered_at,sku,category,unit_price,quantity,currency\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** Runs a command that must be rejected and returns its message. */
  private static String rejected(String... args) {
    CliFuzzProperties.Run r = CliFuzzProperties.run(List.of(args));
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    return r.err();
  }

  @Test
  void excerptKeepsShortTextWholeAndCutsLongTextAfterTwentyCharacters() {
    assertThat(BadInputException.excerpt("")).isEmpty();
    assertThat(BadInputException.excerpt("x".repeat(20))).isEqualTo("x".repeat(20));
    assertThat(BadInputException.excerpt("x".repeat(20) + "y")).isEqualTo("x".repeat(20) + "...");
    assertThat(BadInputException.excerpt(COMMENT)).isEqualTo(COMMENT_EXCERPT);
  }

  @Test
  void excerptCountsACharacterOutsideTheBasicPlaneAsOneAndNeverSplitsIt() {
    String smiles = "\uD83D\uDE00".repeat(21);
    assertThat(BadInputException.excerpt(smiles.substring(2))).isEqualTo(smiles.substring(2));
    assertThat(BadInputException.excerpt(smiles)).isEqualTo(smiles.substring(2) + "...");
  }

  @Test
  void aRowWithTheWrongFieldCountShowsLineCountsAndTheStartOfTheRowOnly() throws IOException {
    // The comment is not quoted, so its comma makes a third field.
    Path f = write("r.csv", "score,comment\n7,ok\n9," + COMMENT + "\n");
    assertThat(rejected("report", f.toString())).isEqualTo(
        f + ":3:3: value \"9,Anna Smit, 06-1234...\": the row has 3 fields, the header has 2"
            + System.lineSeparator());
  }

  @Test
  void aMissingColumnShowsTheStartOfTheHeaderRowOnly() throws IOException {
    // No header row: the first data row, comment and all, is taken for the header.
    Path f = write("r.csv", "9,\"" + COMMENT + "\"\n");
    assertThat(rejected("report", f.toString()))
        .startsWith(f + ":1:3: value \"9,Anna Smit, 06-1234...\": required column 'score'")
        .doesNotContain(COMMENT);
  }

  @Test
  void anUnclosedQuoteShowsTheStartOfTheFieldOnly() throws IOException {
    Path f = write("r.csv", "score,comment\n9,\"" + COMMENT + "\n10,fine\n");
    assertThat(rejected("report", f.toString()))
        .startsWith(f + ":2:2: value \"" + COMMENT_EXCERPT + "\": quoted field is not closed")
        .doesNotContain(COMMENT);
  }

  @Test
  void aQuoteInsideAnUnquotedFieldShowsTheStartOfTheFieldOnly() throws IOException {
    Path f = write("r.csv", "score,comment\n9,Anna Smit from Utrecht said \"never again\"\n");
    assertThat(rejected("report", f.toString()))
        .startsWith(f + ":2:2: value \"Anna Smit from Utrec...\": a quote inside an unquoted")
        .doesNotContain("Anna Smit from Utrecht");
  }

  @Test
  void textAfterAClosingQuoteShowsTheStartOfTheFieldOnly() throws IOException {
    Path f = write("r.csv", "score,comment\n9,\"Anna Smit from Utrecht\" said no\n");
    assertThat(rejected("report", f.toString()))
        .startsWith(f + ":2:2: value \"Anna Smit from Utrec...\": unexpected character ' '")
        .doesNotContain("Anna Smit from Utrecht");
  }

  @Test
  void aCommentInTheScoreColumnIsShownAsItsStartOnly() throws IOException {
    Path f = write("r.csv", "comment,score\n9,\"" + COMMENT + "\"\n");
    assertThat(rejected("report", f.toString()))
        .startsWith(f + ":2:2 (score): value \"" + COMMENT_EXCERPT + "\": score must be")
        .doesNotContain(COMMENT);
  }

  @Test
  void aCommentColumnTakenForTheWeightIsShownAsItsStartOnly() throws IOException {
    Path f = write("r.csv", "score,comment\n9,\"" + COMMENT + "\"\n");
    assertThat(rejected("report", "--weight", "comment", f.toString()))
        .startsWith(f + ":2:2 (comment): value \"" + COMMENT_EXCERPT + "\": weight must be")
        .doesNotContain(COMMENT);
  }

  @Test
  void aGroupWhoseWeightsSumToZeroIsNamedByTheStartOfItsValueOnly() throws IOException {
    Path f = write("r.csv", "score,comment,w\n9,fine,1\n9,\"" + COMMENT + "\",0\n");
    assertThat(rejected("report", "--by", "comment", "--weight", "w", f.toString()))
        .contains("group comment=\"" + COMMENT_EXCERPT + "\" sum to 0")
        .doesNotContain(COMMENT);
  }

  @Test
  void mixedCurrenciesNameTheOrderByTheStartOfItsIdOnly() {
    String id = "order of Anna Smit, Utrecht";
    assertThatThrownBy(() -> Orders.read(Csv.parse(ORDERS_HEADER
        + "\"" + id + "\",K,2026-01-01T00:00:00Z,S,tv,1,1,EUR\n"
        + "\"" + id + "\",K,2026-01-01T00:00:00Z,T,tv,1,1,USD\n", "o.csv")))
        .hasMessage("o.csv:3:8 (currency): value \"USD\": mixed currencies in order "
            + "order of Anna Smit, ...: EUR on line 2, USD here");
  }

  @Test
  void fieldsThatMustAgreeShowTheStartOfTheFirstRowsValueOnly() {
    String customer = "anna.smit@example.org";
    assertThatThrownBy(() -> Orders.read(Csv.parse(ORDERS_HEADER
        + "A," + customer + ",2026-01-01T00:00:00Z,S,tv,1,1,EUR\n"
        + "A,K2,2026-01-01T00:00:00Z,T,tv,1,1,EUR\n", "o.csv")))
        .hasMessage("o.csv:3:2 (customer_id): value \"K2\": customer_id of order A must agree "
            + "across its rows: \"anna.smit@example.or...\" on line 2");
  }

  @Test
  void aPolicyLineIsShownWhole() throws IOException {
    // Settings, not personal data: the key and its value are what the reader must see.
    Path policy = write("p.properties", "nps.policy.customer-cooldown=PT9223372036854775807S\n");
    Path orders = write("o.csv", ORDERS_HEADER + "A,K,2026-01-01T00:00:00Z,S,tv,1,1,EUR\n");
    assertThat(rejected("decide", "--policy", policy.toString(), orders.toString()))
        .startsWith(policy + ":1:1 (nps.policy.customer-cooldown): value "
            + "\"nps.policy.customer-cooldown=PT9223372036854775807S\"");
  }
}

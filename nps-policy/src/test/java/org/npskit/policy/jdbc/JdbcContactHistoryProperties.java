package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import javax.sql.DataSource;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.npskit.policy.Fixtures;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.SurveyRecord;

/** Properties of identifier validation and parameter binding of the JDBC store. */
class JdbcContactHistoryProperties {
  private static final Instant T0 = Fixtures.T0;
  private final DataSource h2 = H2ContactHistoryTest.freshH2();

  @Property
  void prefixWithAnyCharacterOutsideLowerCaseLettersDigitsAndUnderscoreIsRejected(
      @ForAll @StringLength(max = 30) String prefix) {
    Assume.that(
        !prefix.chars()
            .allMatch(ch -> ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')));
    assertThatThrownBy(() -> JdbcContactHistory.builder(h2).tablePrefix(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tablePrefix");
  }

  @Property
  void prefixOfLowerCaseLettersDigitsAndUnderscoreIsAcceptedIffItStartsWithALetterAndFits(
      @ForAll
          @StringLength(max = 45)
          @CharRange(from = 'a', to = 'z')
          @CharRange(from = '0', to = '9')
          @Chars({'_'})
          String prefix) {
    boolean fits =
        prefix.isEmpty() || (Character.isLetter(prefix.charAt(0)) && prefix.length() <= 40);
    if (fits) {
      JdbcContactHistory store = JdbcContactHistory.builder(h2).tablePrefix(prefix).build();
      assertThat(store.schemaDdl()).contains(" " + prefix + "decision (");
    } else {
      assertThatThrownBy(() -> JdbcContactHistory.builder(h2).tablePrefix(prefix))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Property(tries = 60)
  void idsWithAnyCharactersAreBoundNotSplicedAndRoundTripUnchanged(
      @ForAll @StringLength(min = 1, max = 255) String order,
      @ForAll @StringLength(min = 1, max = 255) String customer,
      @ForAll @StringLength(min = 1, max = 255) String sku) {
    Assume.that(!order.isBlank() && !customer.isBlank() && !sku.isBlank());
    JdbcContactHistory store = JdbcContactHistory.builder(H2ContactHistoryTest.freshH2()).build();
    store.createSchema();
    HistoryQuery query = new HistoryQuery(customer, null, order, T0, T0);
    SurveyRecord survey = new SurveyRecord(order, customer, null, sku, T0);
    if (!storable(order) || !storable(customer) || !storable(sku)) {
      // U+0000 and unpaired surrogates cannot be kept unchanged (PostgreSQL): rejected up front.
      assertThatThrownBy(() -> store.commit(CommitRequest.survey(survey, HistorySnapshot.empty())))
          .isInstanceOf(IllegalArgumentException.class);
      return;
    }
    HistorySnapshot snapshot = store.load(query);

    assertThat(store.commit(CommitRequest.survey(survey, snapshot))).isTrue();

    HistorySnapshot after = store.load(query);
    assertThat(after.orderDecided()).isTrue();
    assertThat(after.customerSurveys()).containsExactly(survey);
  }

  private static boolean storable(String id) {
    try {
      JdbcContactHistory.requireStorableId(id, "id");
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

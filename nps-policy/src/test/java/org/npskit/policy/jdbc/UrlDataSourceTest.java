package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The test data source shows no user name or password of its URL. */
class UrlDataSourceTest {

  @Test
  void toStringHidesCredentialParameters() {
    assertThat(new UrlDataSource(
        "jdbc:postgresql://localhost:5432/postgres?user=postgres&password=pw&sslpassword=k"))
        .hasToString("UrlDataSource[jdbc:postgresql://localhost:5432/postgres?user=***"
            + "&password=***&sslpassword=***]");
    assertThat(new UrlDataSource("jdbc:h2:mem:x;USER=sa;PASSWORD=secret;MODE=PostgreSQL"))
        .hasToString("UrlDataSource[jdbc:h2:mem:x;USER=***;PASSWORD=***;MODE=PostgreSQL]");
  }

  @Test
  void toStringHidesUserInfo() {
    assertThat(new UrlDataSource("jdbc:postgresql://bob:secret@host/db"))
        .hasToString("UrlDataSource[jdbc:postgresql://***:***@host/db]");
    assertThat(new UrlDataSource("jdbc:postgresql://bob@host/db"))
        .hasToString("UrlDataSource[jdbc:postgresql://***@host/db]");
  }

  @Test
  void aUrlWithoutCredentialsIsShownAsItIs() {
    assertThat(new UrlDataSource("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1"))
        .hasToString("UrlDataSource[jdbc:h2:mem:x;DB_CLOSE_DELAY=-1]");
  }

  @Test
  void aDriverMessageQuotingTheUrlShowsNeitherForm() {
    // DriverManager's "No suitable driver found for <url>" quotes the URL whole.
    assertThatThrownBy(new UrlDataSource("jdbc:nope://bob:s3cret@host/db?user=al&password=pw2")
        ::getConnection)
        .isInstanceOf(SQLException.class)
        .hasMessage("No suitable driver found for jdbc:nope://***:***@host/db?user=***"
            + "&password=***")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
  }

  @Test
  void aDriverMessageWithoutCredentialsKeepsItsException() throws SQLException {
    String db = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection c = new UrlDataSource(db + ";USER=sa;PASSWORD=right").getConnection()) {
      assertThat(c.isValid(1)).isTrue();
      assertThatThrownBy(new UrlDataSource(db + ";USER=sa;PASSWORD=wrong")::getConnection)
          .hasMessageContaining("Wrong user name or password")
          .satisfies(e -> assertThat(e.getClass().getName()).startsWith("org.h2."));
    }
  }
}

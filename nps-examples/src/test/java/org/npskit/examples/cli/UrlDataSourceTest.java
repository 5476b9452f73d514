package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** User names and passwords of the URL never reach the data source's texts. */
class UrlDataSourceTest {

  @Test
  void credentialParametersAreRedacted() {
    assertThat(UrlDataSource.redact(
        "jdbc:postgresql://db:5432/shop?user=u&password=p%40ss&ssl=true&sslpassword=k"))
        .isEqualTo("jdbc:postgresql://db:5432/shop?user=***&password=***&ssl=true"
            + "&sslpassword=***");
    assertThat(UrlDataSource.redact("jdbc:h2:tcp://h/x;USER=sa;PASSWORD=secret;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:tcp://h/x;USER=***;PASSWORD=***;MODE=PostgreSQL");
  }

  @Test
  void userInfoIsRedacted() {
    assertThat(UrlDataSource.redact("jdbc:postgresql://bob:secret@host/db"))
        .isEqualTo("jdbc:postgresql://***:***@host/db");
    assertThat(UrlDataSource.redact("jdbc:postgresql://bob@host:5432/db?ssl=true"))
        .isEqualTo("jdbc:postgresql://***@host:5432/db?ssl=true");
    // An unencoded @ in the password: everything up to the last @ of the authority is hidden.
    assertThat(UrlDataSource.redact("jdbc:postgresql://bob:p@ss@host/db?user=x@y"))
        .isEqualTo("jdbc:postgresql://***:***@host/db?user=***");
  }

  @Test
  void urlsWithoutCredentialsStayAsTheyAre() {
    for (String url : new String[] {"jdbc:h2:file:./nps-history", "jdbc:h2:mem:x;MODE=PostgreSQL",
        "jdbc:postgresql://db1:5432,db2:5432/shop?ssl=true&userAgent=x"}) {
      assertThat(UrlDataSource.redact(url)).isEqualTo(url);
    }
  }

  @Test
  void toStringHidesBothForms() {
    assertThat(new UrlDataSource("jdbc:postgresql://bob:secret@host/db?password=pw&user=al"))
        .hasToString("UrlDataSource[jdbc:postgresql://***:***@host/db?password=***&user=***]");
  }

  @Test
  void aDriverMessageQuotingTheUrlIsScrubbedOfUserInfo() {
    // DriverManager's "No suitable driver found for <url>" quotes the URL whole.
    UrlDataSource ds = new UrlDataSource("jdbc:nope://bob:s3cret@host/db");
    SQLException e = catchThrowableOfType(SQLException.class, ds::getConnection);
    assertThat((Throwable) e).hasMessageContaining("No suitable driver").hasMessageContaining("***:***@host")
        .hasMessageNotContaining("s3cret").hasMessageNotContaining("bob");
    assertThat(e.getSQLState()).isEqualTo("08001");
    assertThat(e.getStackTrace()).isNotEmpty();
  }

  @Test
  void aDriverMessageQuotingTheUrlIsScrubbedOfCredentialParameters() {
    UrlDataSource ds = new UrlDataSource("jdbc:nope://host/db?user=bob&password=p%40ss");
    SQLException e = catchThrowableOfType(SQLException.class, ds::getConnection);
    assertThat((Throwable) e).hasMessageContaining("user=***&password=***")
        .hasMessageNotContaining("p%40ss").hasMessageNotContaining("bob");
  }

  @Test
  void credentialsGivenToGetConnectionAreScrubbedToo() {
    UrlDataSource ds = new UrlDataSource("jdbc:nope://host/db");
    SQLException e = catchThrowableOfType(SQLException.class,
        () -> ds.getConnection("carol", "hunter2"));
    assertThat((Throwable) e).hasMessageContaining("No suitable driver")
        .hasMessageNotContaining("hunter2").hasMessageNotContaining("carol");
  }

  @Test
  void scrubHidesPasswordsAnywhereAndUserNamesAsWholeWords() {
    UrlDataSource ds = new UrlDataSource("jdbc:postgresql://host/db?user=u&password=p%40ss");
    assertThat(ds.scrub("could not log in as u with p@ss or p%40ss (user \"u\")"))
        .isEqualTo("could not log in as *** with *** or *** (user \"***\")");
    assertThat(ds.scrub(null)).isNull();
  }

  @Test
  void aCleanDriverExceptionIsThrownAsItIs() throws SQLException {
    String db = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection c = new UrlDataSource(db + ";USER=sa;PASSWORD=right").getConnection()) {
      assertThat(c.isValid(1)).isTrue();
      SQLException e = catchThrowableOfType(SQLException.class,
          new UrlDataSource(db + ";USER=sa;PASSWORD=wrong")::getConnection);
      // H2 says "Wrong user name or password" without quoting either: its own type is kept.
      assertThat(e.getClass().getName()).startsWith("org.h2.");
      assertThat((Throwable) e).hasMessageContaining("Wrong user name or password");
    }
  }
}

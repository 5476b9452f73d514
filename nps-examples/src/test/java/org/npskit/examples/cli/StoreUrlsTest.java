package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** User names and passwords never reach a message about a --store URL. */
class StoreUrlsTest {

  @Test
  void aUrlThatIsNotJdbcIsShownWithoutItsUserInfo() {
    assertThatThrownBy(() -> StoreUrls.open("postgresql://bob:secret@db/shop"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("--store: \"postgresql://***:***@db/shop\" is not a JDBC URL")
        .hasMessageNotContaining("secret").hasMessageNotContaining("bob");
  }

  @Test
  void aUrlNoDriverAcceptsIsShownWithoutItsCredentialParameters() {
    assertThatThrownBy(() -> StoreUrls.open("jdbc:mysql://db/shop?user=bob&password=hunter2"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("--store: no bundled JDBC driver accepts \"jdbc:mysql://db/shop?user=***"
            + "&password=***\" (the jar bundles the PostgreSQL and H2 drivers)");
  }

  @Test
  void anUnreachableDatabaseIsNamedWithoutItsCredentials() {
    assertThatThrownBy(() -> StoreUrls.open(
        "jdbc:h2:tcp://localhost:1/shop;USER=bob;PASSWORD=hunter2"))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith("--store jdbc:h2:tcp://localhost:1/shop;USER=***;PASSWORD=***: "
            + "contact history unreachable: ")
        .hasMessageNotContaining("hunter2").hasMessageNotContaining("bob");
  }
}

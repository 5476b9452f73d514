package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Passwords never reach a message about a --store URL. */
class StoreUrlsTest {
  @Test
  void passwordParametersAreRedacted() {
    assertThat(StoreUrls.redact("jdbc:postgresql://db:5432/shop?user=u&password=p%40ss&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/shop?user=u&password=***&ssl=true");
    assertThat(StoreUrls.redact("jdbc:h2:tcp://h/x;USER=sa;PASSWORD=secret;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:tcp://h/x;USER=sa;PASSWORD=***;MODE=PostgreSQL");
  }

  @Test
  void userInfoPasswordsAreRedacted() {
    assertThat(StoreUrls.redact("jdbc:postgresql://npskit:secret@db:5432/shop"))
        .isEqualTo("jdbc:postgresql://npskit:***@db:5432/shop");
  }

  @Test
  void urlsWithoutPasswordsStayAsTheyAre() {
    String url = "jdbc:h2:file:./nps-history";
    assertThat(StoreUrls.redact(url)).isEqualTo(url);
  }
}

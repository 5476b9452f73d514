package org.npskit.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The module README's curl examples answer what the README shows: the installed TV, its
 * redelivery and the toner re-order, sent as written to the shop as {@code java -jar} starts it.
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = ShopContract.QUIET)
class ReadmeExamplesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void theCurlExamplesAnswerWhatTheReadmeShows() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String run = readme.substring(readme.indexOf("## Run it"), readme.indexOf("### On PostgreSQL"));
    List<String> requests = all(Pattern.compile("(?s)curl -s localhost:8080/deliveries .*?-d '(.*?)'"),
        run);
    List<String> answers = all(Pattern.compile("(?s)```json\n(.*?)\n```"), run);
    assertThat(requests).hasSize(2);
    assertThat(answers).hasSize(3);
    ShopClient shop = new ShopClient(port);
    // the TV, the same request again (a redelivery), then the toner
    String[] sent = {requests.get(0), requests.get(0), requests.get(1)};
    for (int i = 0; i < sent.length; i++) {
      ShopClient.Reply reply = shop.post("/deliveries", sent[i]);
      assertThat(reply.status()).as("%s", reply.json()).isEqualTo(200);
      assertThat(reply.json()).as("answer %d", i).isEqualTo(JSON.readTree(answers.get(i)));
    }
  }
}

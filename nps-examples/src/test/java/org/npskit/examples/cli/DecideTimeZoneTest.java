package org.npskit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.npskit.examples.cli.ReportVersion2Test.ok;
import static org.npskit.examples.cli.ReportVersion2Test.rejected;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decide} with the order-level column {@code time_zone}: the customer's zone for the
 * policy's send window, blank for the policy's {@code default-zone}; an unknown zone or one that
 * differs between the rows of an order is bad input naming the cell, and nothing is recorded.
 */
class DecideTimeZoneTest {
  private static final String HEADER = "order_id,customer_id,account_id,ordered_at,delivered_at,"
      + "sku,category,unit_price,quantity,currency,services,consent,time_zone\n";
  private static final String POLICY = String.join("\n",
      "nps.policy.send-delay=PT1H",
      "nps.policy.send-window=09:00-18:00",
      "nps.policy.send-days=MON-FRI",
      "nps.policy.default-zone=Europe/Amsterdam", "");

  @TempDir Path dir;

  private String write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8).toString();
  }

  private List<String> sendTimes(String orders) throws IOException {
    String out = ok("decide", "--no-progress", "--format=json", "--policy",
        write("policy.properties", POLICY), write("orders.csv", HEADER + orders)).out();
    return out.lines().map(l -> String.valueOf(JsonReader.object(l).get("sendAt"))).toList();
  }

  @Test
  void theZoneOfTheOrderOrElseTheDefaultZoneIsUsed() throws IOException {
    // The inputs of the shared example p4-send-window.
    assertThat(sendTimes(String.join("\n",
        "P4-0,K-40,,2026-10-23T15:00:00Z,,OLED55,tv/oled,1499.00,1,EUR,,,",
        "P4-1,K-41,,2026-10-23T17:30:00Z,,OLED55,tv/oled,1499.00,1,EUR,,,",
        "P4-2,K-42,,2026-10-24T10:00:00Z,,OLED55,tv/oled,1499.00,1,EUR,,,America/New_York",
        "P4-3,K-43,,2026-10-26T06:00:00Z,,OLED55,tv/oled,1499.00,1,EUR,,,Asia/Tokyo",
        "P4-4,K-44,,2026-10-26T06:00:00Z,,OLED55,tv/oled,1499.00,1,EUR,,, ", "")))
        .containsExactly("2026-10-26T08:00:00Z", "2026-10-26T08:00:00Z",
            "2026-10-26T13:00:00Z", "2026-10-26T07:00:00Z", "2026-10-26T08:00:00Z");
  }

  @Test
  void theSameZoneOnEveryRowOfAnOrderIsFine() throws IOException {
    assertThat(sendTimes(String.join("\n",
        "A,K,,2026-10-26T06:00:00Z,,TV,tv,900,1,EUR,,,Asia/Tokyo",
        "A,K,,2026-10-26T06:00:00Z,,HDMI,cables,9,1,EUR,,,Asia/Tokyo", "")))
        .containsExactly("2026-10-26T07:00:00Z");
  }

  /** Decides with a fresh H2 store; the run must be rejected and the store left empty. */
  private String rejectedWithAStore(String store, String orders) throws IOException {
    String url = "jdbc:h2:mem:" + store + ";DB_CLOSE_DELAY=-1";
    CliFuzzProperties.Run r = rejected("decide", "--no-progress", "--store", url, "--policy",
        write("policy.properties", POLICY), write("orders.csv", HEADER + orders));
    assertThat(CliFuzzProperties.dump(url)).isEmpty();
    return r.err();
  }

  @Test
  void anUnknownZoneIsExitTwoNamingTheCellAndNothingIsRecorded() throws IOException {
    assertThat(rejectedWithAStore("decide-time-zone-unknown",
        "A,K,,2026-10-26T06:00:00Z,,TV,tv,900,1,EUR,,,Asia/Tokyo\n"
            + "B,L,,2026-10-26T06:00:00Z,,TV,tv,900,1,EUR,,,europe/amsterdam\n"))
        .contains("orders.csv:3:13 (time_zone): value \"europe/amsterdam\"", "unknown time zone");
  }

  @Test
  void aZoneThatDiffersBetweenTheRowsOfAnOrderIsExitTwoNamingTheCell() throws IOException {
    assertThat(rejectedWithAStore("decide-time-zone-differs",
        "A,K,,2026-10-26T06:00:00Z,,TV,tv,900,1,EUR,,,Asia/Tokyo\n"
            + "A,K,,2026-10-26T06:00:00Z,,HDMI,cables,9,1,EUR,,,\n"))
        .contains("orders.csv:3:13 (time_zone): value \"\"",
            "time_zone of order A must agree across its rows: \"Asia/Tokyo\" on line 2");
  }

  @Test
  void theHelpNamesTheColumn() {
    assertThat(ok("decide", "--help").out()).contains("time_zone", "default-zone");
  }
}

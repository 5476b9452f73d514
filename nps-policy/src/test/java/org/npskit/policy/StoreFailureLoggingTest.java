package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.npskit.policy.Fixtures.T0;
import static org.npskit.policy.Fixtures.tv;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npskit.policy.testlog.LogCapture;
import org.npskit.policy.testlog.LoggedEvent;
import org.slf4j.event.Level;

/**
 * A store failure is logged once per incident, not once per call: the tests read what the gate
 * logs on the test's own thread from the test logger ({@link LogCapture}), so other tests running
 * at the same time cannot add to it.
 */
class StoreFailureLoggingTest {
  private LogCapture log;

  @BeforeEach
  void capture() {
    log = LogCapture.start();
  }

  @AfterEach
  void release() {
    log.close();
  }

  private List<LoggedEvent> events(String marker) {
    return log.events().stream().filter(e -> e.logger().equals(SurveyGate.class.getName()))
        .filter(e -> e.message().contains(marker)).toList();
  }

  @Test
  void aFailingStoreIsLoggedOncePerIncidentAndItsRecoveryOnce() {
    SurveyGateFailureTest.FlakyStore store = new SurveyGateFailureTest.FlakyStore();
    SurveyGateFailureTest.CountingListener listener = new SurveyGateFailureTest.CountingListener();
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).history(store)
        .listener(listener).build();

    store.failLoad = true;
    for (int i = 0; i < 50; i++) {
      gate.decide(tv("A" + i, "C" + i, T0.plus(Duration.ofMinutes(i))));
    }
    assertThat(listener.failures).hasValue(50);
    assertThat(events("contact history unavailable")).hasSize(1);
    LoggedEvent incident = events("contact history unavailable").get(0);
    assertThat(incident.level()).isEqualTo(Level.WARN);
    assertThat(incident.message()).contains("load", "failing closed");
    assertThat(events("available again")).isEmpty();

    store.failLoad = false;
    for (int i = 0; i < 5; i++) {
      assertThat(gate.decide(tv("B" + i, "D" + i, T0)).isSurvey()).isTrue();
    }
    assertThat(events("available again")).hasSize(1);
    assertThat(events("available again").get(0).level()).isEqualTo(Level.INFO);

    // A second incident is a new log line; the commit failure names its operation.
    store.failCommit = true;
    for (int i = 0; i < 20; i++) {
      gate.decide(tv("E" + i, "F" + i, T0));
    }
    assertThat(events("contact history unavailable")).hasSize(2);
    assertThat(events("contact history unavailable").get(1).message()).contains("commit");
    assertThat(listener.failures).hasValue(70);
  }

  @Test
  void theLogNamesIdsOnlyNeverPurchaseContents() {
    SurveyGateFailureTest.FlakyStore store = new SurveyGateFailureTest.FlakyStore();
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).history(store).build();
    store.failLoad = true;
    gate.decide(tv("O-secret-check", "C-1", T0));
    String text = log.text();
    assertThat(text).contains("contact history unavailable");
    // The purchase is TV-1, tv/lcd, 500.00 EUR: none of it may reach the log.
    assertThat(text).doesNotContain("TV-1", "tv/lcd", "500", "EUR", "OLED", "1899");
  }
}

package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.npskit.policy.Fixtures.T0;
import static org.npskit.policy.Fixtures.tv;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store failure is logged once per incident, not once per call: the tests capture what the
 * SLF4J simple logger (test scope, writes to the current {@code System.err}) prints.
 */
class StoreFailureLoggingTest {
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalErr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(originalErr);
  }

  private List<String> lines(String marker) {
    return captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(marker))
        .toList();
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
    assertThat(lines("contact history unavailable")).hasSize(1);
    assertThat(lines("contact history unavailable").get(0))
        .contains("WARN", "load", "failing closed");
    assertThat(lines("available again")).isEmpty();

    store.failLoad = false;
    for (int i = 0; i < 5; i++) {
      assertThat(gate.decide(tv("B" + i, "D" + i, T0)).isSurvey()).isTrue();
    }
    assertThat(lines("available again")).hasSize(1);

    // A second incident is a new log line; the commit failure names its operation.
    store.failCommit = true;
    for (int i = 0; i < 20; i++) {
      gate.decide(tv("E" + i, "F" + i, T0));
    }
    assertThat(lines("contact history unavailable")).hasSize(2);
    assertThat(lines("contact history unavailable").get(1)).contains("commit");
    assertThat(listener.failures).hasValue(70);
  }

  @Test
  void theLogNamesIdsOnlyNeverPurchaseContents() {
    SurveyGateFailureTest.FlakyStore store = new SurveyGateFailureTest.FlakyStore();
    SurveyGate gate = SurveyGate.builder(SurveyPolicy.defaults()).history(store).build();
    store.failLoad = true;
    gate.decide(tv("O-secret-check", "C-1", T0));
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("contact history unavailable");
    assertThat(log).doesNotContain("OLED", "1899", "EUR");
  }
}

package org.npskit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.npskit.policy.Decision;
import org.npskit.policy.DecisionListener;
import org.npskit.policy.SurveyGate;
import org.npskit.policy.spi.ContactHistory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MetricsAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          NpskitAutoConfiguration.class, NpskitMetricsAutoConfiguration.class));

  private final ApplicationContextRunner withRegistry =
      runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

  @Test
  void decisionsAreCountedPerOutcomeAndPrimaryReasonAndTimed() {
    withRegistry.run(context -> {
      SurveyGate gate = context.getBean(SurveyGate.class);
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      gate.decide(TestPurchases.tv("O-1", "C-1"));
      gate.decide(TestPurchases.tv("O-1", "C-1"));
      gate.decide(TestPurchases.tv("O-2", "C-1"));
      gate.evaluate(TestPurchases.tv("O-3", "C-3"));
      assertThat(count(registry, "SURVEY", "none")).isEqualTo(2.0);
      assertThat(count(registry, "SKIP", "DUPLICATE_ORDER")).isEqualTo(1.0);
      assertThat(count(registry, "SKIP", "CUSTOMER_COOLDOWN")).isEqualTo(1.0);
      Timer timer = registry.get(DecisionMetrics.DECIDE).timer();
      assertThat(timer.count()).isEqualTo(4);
      assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    });
  }

  @Test
  void theTimerRecordsTheTimeTheGateMeasuredAndTheStoreIsNotWrapped() {
    withRegistry.run(context -> {
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      SurveyGate gate = context.getBean(SurveyGate.class);
      assertThat(gate.history()).isSameAs(context.getBean(ContactHistory.class));
      DecisionListener metrics = context.getBean("npskitDecisionMetrics", DecisionListener.class);
      Decision d = gate.decide(TestPurchases.tv("O-1", "C-1"));
      Timer timer = registry.get(DecisionMetrics.DECIDE).timer();
      double gateTime = timer.totalTime(TimeUnit.NANOSECONDS);
      metrics.onDecision(d, true, Duration.ofMillis(7));
      assertThat(timer.count()).isEqualTo(2);
      assertThat(timer.totalTime(TimeUnit.NANOSECONDS) - gateTime).isEqualTo(7_000_000.0);
      assertThat(count(registry, "SURVEY", "none")).isEqualTo(2.0);
    });
  }

  @Test
  void aDecisionReportedWithoutItsTimeIsCountedButNotTimed() {
    withRegistry.run(context -> {
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      DecisionListener metrics = context.getBean("npskitDecisionMetrics", DecisionListener.class);
      Decision d = context.getBean(SurveyGate.class).decide(TestPurchases.tv("O-1", "C-1"));
      metrics.onDecision(d, false);
      assertThat(count(registry, "SURVEY", "none")).isEqualTo(2.0);
      assertThat(registry.get(DecisionMetrics.DECIDE).timer().count()).isEqualTo(1);
    });
  }

  @Test
  void storeFailuresAndLostRacesAreCounted() {
    FlakyHistory history = new FlakyHistory();
    withRegistry.withBean(ContactHistory.class, () -> history).run(context -> {
      SurveyGate gate = context.getBean(SurveyGate.class);
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      history.lostRaces.set(2);
      gate.decide(TestPurchases.tv("O-1", "C-1"));
      history.down = true;
      gate.decide(TestPurchases.tv("O-2", "C-2"));
      assertThat(registry.get(DecisionMetrics.CONFLICTS).counter().count()).isEqualTo(2.0);
      assertThat(registry.get(DecisionMetrics.STORE_FAILURES).tag("operation", "load")
          .counter().count()).isEqualTo(1.0);
      assertThat(count(registry, "SKIP", "HISTORY_UNAVAILABLE")).isEqualTo(1.0);
    });
  }

  @Test
  void theApplicationsListenersStillHearDecisions() {
    AtomicInteger heard = new AtomicInteger();
    withRegistry.withBean("audit", DecisionListener.class, () -> new DecisionListener() {
          @Override
          public void onDecision(Decision decision, boolean recorded) {
            heard.incrementAndGet();
          }
        })
        .run(context -> {
          context.getBean(SurveyGate.class).decide(TestPurchases.tv("O-1", "C-1"));
          assertThat(heard).hasValue(1);
          assertThat(count(context.getBean(MeterRegistry.class), "SURVEY", "none"))
              .isEqualTo(1.0);
        });
  }

  @Test
  void noRegistryNoMeters() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean("npskitDecisionMetrics");
      assertThat(context.getBean(SurveyGate.class).history())
          .isSameAs(context.getBean(ContactHistory.class));
    });
  }

  @Test
  void withoutMicrometerOnTheClassPathTheGateStillStarts() {
    withRegistry.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean("npskitDecisionMetrics");
      assertThat(context.getBean(SurveyGate.class).decide(TestPurchases.tv("O-1", "C-1"))
          .isSurvey()).isTrue();
    });
  }

  @Test
  void anApplicationBeanOfTheSameNameReplacesOurMetrics() {
    DecisionListener own = new DecisionListener() {};
    withRegistry.withBean("npskitDecisionMetrics", DecisionListener.class, () -> own)
        .run(context -> {
          assertThat(context.getBean("npskitDecisionMetrics")).isSameAs(own);
          context.getBean(SurveyGate.class).decide(TestPurchases.tv("O-1", "C-1"));
          assertThat(context.getBean(MeterRegistry.class).find(DecisionMetrics.DECISIONS)
              .counter()).isNull();
        });
  }

  private static double count(MeterRegistry registry, String outcome, String reason) {
    return registry.get(DecisionMetrics.DECISIONS).tag("outcome", outcome).tag("reason", reason)
        .counter().count();
  }
}

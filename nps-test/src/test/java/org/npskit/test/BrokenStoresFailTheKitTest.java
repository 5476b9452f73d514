package org.npskit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.npskit.test.broken.CorrectKit;
import org.npskit.test.broken.CountsNoOrdersKit;
import org.npskit.test.broken.IgnoresSkipVersionsKit;
import org.npskit.test.broken.IgnoresVersionsKit;
import org.npskit.test.broken.LosesWritesKit;
import org.npskit.test.broken.ServesStaleSnapshotsKit;

/**
 * The kit must catch broken stores: each deliberately broken store below is run through it with
 * the JUnit Platform launcher, and the run must report failures, in the tests that check what the
 * store breaks. A kit that passed them would be a test that cannot fail. The broken stores live in
 * {@code org.npskit.test.broken}, in classes whose names do not end in {@code Test}, so that the
 * build runs them only through this class.
 */
class BrokenStoresFailTheKitTest {

  private static TestExecutionSummary run(Class<?> kit) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kit)).build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    return listener.getSummary();
  }

  private static List<String> failedTests(TestExecutionSummary summary) {
    return summary.getFailures().stream()
        .map(f -> f.getTestIdentifier().getDisplayName())
        .sorted()
        .collect(Collectors.toList());
  }

  @Test
  void aCorrectStorePassesEveryTest() {
    TestExecutionSummary summary = run(CorrectKit.class);
    assertThat(summary.getTestsFoundCount()).isGreaterThanOrEqualTo(32);
    assertThat(failedTests(summary)).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(summary.getTestsFoundCount());
  }

  @Test
  void aStoreThatLosesWritesFails() {
    List<String> failed = failedTests(run(LosesWritesKit.class));
    assertThat(failed).contains("committedSurveyIsLoadedAndChangesVersions()",
        "anOrderIdIsDecidedOnlyOnce()", "gateCapHoldsExactlyUnderContention()");
  }

  @Test
  void aStoreThatServesStaleSnapshotsFails() {
    List<String> failed = failedTests(run(ServesStaleSnapshotsKit.class));
    assertThat(failed).contains("committedSurveyIsLoadedAndChangesVersions()",
        "optOutIsStoredReversibleAndChangesTheVersion()",
        "cancelReleasesTheSurveyButKeepsTheOrderDecided()");
  }

  @Test
  void aStoreThatIgnoresVersionsFails() {
    List<String> failed = failedTests(run(IgnoresVersionsKit.class));
    assertThat(failed).contains("staleCustomerVersionIsAConflictAndStoresNothing()",
        "concurrentSurveysOnOneSnapshotVersionCommitExactlyOnce()",
        "gateSixteenOrdersOfOneCustomerAtOnceYieldExactlyOneSurveyPerCooldown()");
  }

  @Test
  void aStoreThatCommitsVersionCheckedSkipsWithoutTheCheckFails() {
    List<String> failed = failedTests(run(IgnoresSkipVersionsKit.class));
    assertThat(failed).containsExactlyInAnyOrder(
        "aVersionCheckedSkipNeedsTheCustomersVersionAndChangesIt()",
        "gateSixteenOrdersOfANewCustomerAtOnceCountEachOtherForTheRelationshipTrigger()");
  }

  @Test
  void aStoreThatReportsNoDecidedOrdersFails() {
    List<String> failed = failedTests(run(CountsNoOrdersKit.class));
    assertThat(failed).contains(
        "loadListsTheCustomersDecidedOrdersWhenAskedForThem()",
        "purgeAndErasureDropDecidedOrdersFromTheCustomersList()",
        "gateSixteenOrdersOfANewCustomerAtOnceCountEachOtherForTheRelationshipTrigger()");
  }
}

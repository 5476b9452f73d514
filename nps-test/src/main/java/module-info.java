/**
 * npskit test kit: {@link org.npskit.test.MutableClock}, AssertJ assertions for decisions and
 * results ({@link org.npskit.test.NpsAssertions}) and the contact-history compatibility suite
 * ({@link org.npskit.test.ContactHistoryCompatibilityKit}). Meant for test scope.
 */
module org.npskit.test {
  requires transitive org.npskit.policy;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;

  exports org.npskit.test;
}

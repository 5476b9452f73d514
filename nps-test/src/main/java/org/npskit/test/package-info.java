/**
 * The npskit test kit, for the tests of applications that embed npskit and of contact-history
 * stores.
 *
 * <ul>
 *   <li>{@link org.npskit.test.MutableClock}: a {@link java.time.Clock} that moves only when told,
 *       for the gate, the stores and the application's own code;
 *   <li>{@link org.npskit.test.NpsAssertions}: AssertJ entry points for {@link
 *       org.npskit.policy.Decision} and {@link org.npskit.core.NpsResult} whose failure messages
 *       show the whole decision with its reason texts;
 *   <li>{@link org.npskit.test.ContactHistoryCompatibilityKit}: the store contract suite; extend
 *       it to run every contract test against your own {@link
 *       org.npskit.policy.spi.ContactHistory}.
 * </ul>
 */
package org.npskit.test;

/**
 * Service provider interface for contact-history stores.
 *
 * <p>A store offers one narrow atomic primitive: {@link org.npskit.policy.spi.ContactHistory#load
 * load} a {@link org.npskit.policy.spi.HistorySnapshot snapshot} carrying version tokens, then
 * {@link org.npskit.policy.spi.ContactHistory#commit commit} a decision only if those versions are
 * unchanged and the order id was never decided. The rules and the retry loop live in the library
 * ({@code org.npskit.policy.SurveyGate}), so every store behaves identically. Every store must pass
 * the contract test suite {@code org.npskit.policy.spi.ContactHistoryContract} of this module's
 * test sources.
 */
package org.npskit.policy.spi;

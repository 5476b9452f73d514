package org.npskit.spring.boot;

import java.time.Instant;
import java.util.Optional;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;

/**
 * Delegates every call to the store; {@link #forgottenBefore()}, the gate's first store call of
 * every {@code decide} and {@code evaluate}, marks the start of the decision on this thread.
 * Thread-safe when the delegate is.
 */
final class TimedHistory implements ContactHistory {

  private final ContactHistory delegate;
  private final ThreadLocal<long[]> start;

  TimedHistory(ContactHistory delegate, ThreadLocal<long[]> start) {
    this.delegate = delegate;
    this.start = start;
  }

  ContactHistory delegate() {
    return delegate;
  }

  @Override
  public Optional<Instant> forgottenBefore() {
    long[] s = start.get();
    s[0] = System.nanoTime();
    s[1] = 1;
    return delegate.forgottenBefore();
  }

  @Override
  public HistorySnapshot load(HistoryQuery query) {
    return delegate.load(query);
  }

  @Override
  public boolean commit(CommitRequest commit) {
    return delegate.commit(commit);
  }

  @Override
  public boolean cancel(String orderId) {
    return delegate.cancel(orderId);
  }

  @Override
  public void recordResponse(String customerId, Instant at) {
    delegate.recordResponse(customerId, at);
  }

  @Override
  public void setOptedOut(String customerId, boolean optedOut) {
    delegate.setOptedOut(customerId, optedOut);
  }

  @Override
  public void purge(Instant olderThan) {
    delegate.purge(olderThan);
  }

  @Override
  public void eraseCustomer(String customerId) {
    delegate.eraseCustomer(customerId);
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}

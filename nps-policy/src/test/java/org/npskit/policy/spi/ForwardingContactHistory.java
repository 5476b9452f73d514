package org.npskit.policy.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A store that forwards every call; tests override single methods to inject behaviour. */
public class ForwardingContactHistory implements ContactHistory {
  private final ContactHistory delegate;

  /**
   * Wraps a store.
   *
   * @param delegate the store to forward to
   */
  public ForwardingContactHistory(ContactHistory delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
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
  public Optional<Instant> forgottenBefore() {
    return delegate.forgottenBefore();
  }
}

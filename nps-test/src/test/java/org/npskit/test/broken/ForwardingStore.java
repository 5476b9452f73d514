package org.npskit.test.broken;

import java.time.Instant;
import java.util.Optional;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;

/** Forwards every call to another store. */
public class ForwardingStore implements ContactHistory {
  private final ContactHistory delegate;

  public ForwardingStore(ContactHistory delegate) {
    this.delegate = delegate;
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

package org.npskit.spring.boot;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.npskit.policy.memory.InMemoryContactHistory;
import org.npskit.policy.spi.CommitRequest;
import org.npskit.policy.spi.ContactHistory;
import org.npskit.policy.spi.HistoryQuery;
import org.npskit.policy.spi.HistorySnapshot;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.npskit.policy.spi.StoreOperation;

/** An in-memory store that fails loads while {@code down}, and loses the next N commit races. */
final class FlakyHistory implements ContactHistory {

  volatile boolean down;
  final AtomicInteger lostRaces = new AtomicInteger();
  final AtomicInteger writes = new AtomicInteger();
  private final ContactHistory delegate = InMemoryContactHistory.withRetention(Duration.ofDays(400));

  @Override
  public HistorySnapshot load(HistoryQuery query) {
    if (down) {
      throw new HistoryUnavailableException(StoreOperation.LOAD,
          new java.sql.SQLTransientConnectionException("connection refused"));
    }
    return delegate.load(query);
  }

  @Override
  public boolean commit(CommitRequest commit) {
    writes.incrementAndGet();
    if (lostRaces.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      return false;
    }
    return delegate.commit(commit);
  }

  @Override
  public boolean cancel(String orderId) {
    writes.incrementAndGet();
    return delegate.cancel(orderId);
  }

  @Override
  public void recordResponse(String customerId, Instant at) {
    writes.incrementAndGet();
    delegate.recordResponse(customerId, at);
  }

  @Override
  public void setOptedOut(String customerId, boolean optedOut) {
    writes.incrementAndGet();
    delegate.setOptedOut(customerId, optedOut);
  }

  @Override
  public void purge(Instant olderThan) {
    writes.incrementAndGet();
    delegate.purge(olderThan);
  }

  @Override
  public void eraseCustomer(String customerId) {
    writes.incrementAndGet();
    delegate.eraseCustomer(customerId);
  }
}

package org.npskit.spring.boot;

import java.time.Duration;
import java.util.List;
import org.npskit.policy.Decision;
import org.npskit.policy.DecisionListener;
import org.npskit.policy.spi.HistoryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@link DecisionListener} bean of the application, called in order: the gate takes one
 * listener, the starter hands it this chain. Each call is passed on as it came (the gate's timed
 * {@code onDecision} reaches a listener of the two-argument method through the interface's
 * default). A listener that throws is logged (warn) and the next one is still called.
 * Thread-safe when the listeners are.
 */
final class ListenerChain implements DecisionListener {

  private static final Logger LOG = LoggerFactory.getLogger(ListenerChain.class);

  private final List<DecisionListener> listeners;

  ListenerChain(List<DecisionListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void onDecision(Decision decision, boolean recorded, Duration elapsed) {
    for (DecisionListener l : listeners) {
      try {
        l.onDecision(decision, recorded, elapsed);
      } catch (RuntimeException e) {
        LOG.warn("decision listener {} failed on order {}", l, decision.orderId(), e);
      }
    }
  }

  @Override
  public void onDecision(Decision decision, boolean recorded) {
    for (DecisionListener l : listeners) {
      try {
        l.onDecision(decision, recorded);
      } catch (RuntimeException e) {
        LOG.warn("decision listener {} failed on order {}", l, decision.orderId(), e);
      }
    }
  }

  @Override
  public void onConflict(String orderId, int attempt) {
    for (DecisionListener l : listeners) {
      try {
        l.onConflict(orderId, attempt);
      } catch (RuntimeException e) {
        LOG.warn("decision listener {} failed on a conflict of order {}", l, orderId, e);
      }
    }
  }

  @Override
  public void onStoreFailure(HistoryUnavailableException failure) {
    for (DecisionListener l : listeners) {
      try {
        l.onStoreFailure(failure);
      } catch (RuntimeException e) {
        LOG.warn("decision listener {} failed on a store failure", l, e);
      }
    }
  }
}

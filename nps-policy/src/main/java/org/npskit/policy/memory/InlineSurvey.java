package org.npskit.policy.memory;

import java.time.Instant;
import java.util.Objects;
import org.npskit.policy.spi.SurveyList;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The one survey of a customer held inline in the store's rows, copied out for a snapshot: its
 * order id stays packed and the record is built only when read.
 */
final class InlineSurvey extends SurveyList {
  private final long micros;
  private final long order0;
  private final long order1;
  private final String customerId;
  private final String accountId;
  private final String sku;

  InlineSurvey(
      long micros, long order0, long order1, String customerId, String accountId, String sku) {
    this.micros = micros;
    this.order0 = order0;
    this.order1 = order1;
    this.customerId = customerId;
    this.accountId = accountId;
    this.sku = sku;
  }

  @Override
  public int size() {
    return 1;
  }

  @Override
  public SurveyRecord get(int index) {
    Objects.checkIndex(index, 1);
    return new SurveyRecord(
        PackedId.decode(order0, order1), customerId, accountId, sku, Micros.toInstant(micros));
  }

  @Override
  public Instant at(int index) {
    Objects.checkIndex(index, 1);
    return Micros.toInstant(micros);
  }
}

package org.npskit.policy.memory;

import java.time.Instant;
import java.util.Objects;
import org.npskit.policy.spi.SurveyKind;
import org.npskit.policy.spi.SurveyList;
import org.npskit.policy.spi.SurveyRecord;

/**
 * The surveys of a {@link StoredSurveys} list within a snapshot's time range, as the snapshot
 * hands them out: a view of the stored list (which never changes), building each record only
 * when it is read. A customer's own list stores no customer ids, so the view carries the
 * customer (the owner) for its records.
 *
 * <p>Immutable and thread-safe.
 */
final class SurveysInRange extends SurveyList {
  private final StoredSurveys surveys;
  private final String owner;
  private final int from;
  private final int size;

  /**
   * A view of {@code size} surveys from index {@code from}.
   *
   * @param owner the customer of a customer's own list (ignored for an account's list)
   */
  SurveysInRange(StoredSurveys surveys, String owner, int from, int size) {
    this.surveys = surveys;
    this.owner = owner;
    this.from = from;
    this.size = size;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public SurveyRecord get(int index) {
    int i = from + Objects.checkIndex(index, size);
    String customer = surveys.customerId(i);
    String sku = surveys.sku(i);
    // The store keeps no kind: a relationship survey is the one without SKU.
    return new SurveyRecord(surveys.orderId(i), customer != null ? customer : owner,
        surveys.accountId(i), sku, Micros.toInstant(surveys.micros(i)),
        sku == null ? SurveyKind.RELATIONSHIP : SurveyKind.TRANSACTIONAL);
  }

  @Override
  public Instant at(int index) {
    return Micros.toInstant(surveys.micros(from + Objects.checkIndex(index, size)));
  }
}

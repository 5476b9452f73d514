package org.npskit.examples.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.npskit.core.PerCustomer;
import org.npskit.core.Scale;
import org.npskit.core.WeightedNpsAccumulator;

/**
 * The responses CSV: required {@code score}, optional {@code answered_at} (instant, offset
 * date-time or date), any other column an attribute. Immutable.
 *
 * @param rows the valid responses in file order (with {@code --latest-per-customer}: the ones
 *     kept)
 * @param skipped the number of rows with a blank or invalid score skipped by {@code
 *     --skip-invalid}
 * @param read the number of valid responses read, before {@code --latest-per-customer}
 */
record Responses(List<Response> rows, int skipped, int read) {
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /**
   * One valid response.
   *
   * @param customerId the stripped {@code customer_id} cell, "" without that column
   */
  record Response(int score, Optional<Instant> answeredAt, Map<String, String> attributes,
      double weight, String customerId) {}

  /** What the report asks of the file beyond its scores. */
  record Needs(Optional<String> weightColumn, boolean time, boolean skipInvalid,
      Optional<String> byColumn, boolean latestPerCustomer) {}

  static Responses read(Csv.Table t, Scale scale, ZoneId zone, Optional<String> weightColumn,
      boolean needTime, boolean skipInvalid, Optional<String> byColumn) {
    return read(t, scale, zone, new Needs(weightColumn, needTime, skipInvalid, byColumn, false));
  }

  /**
   * Reads the responses. With {@code latestPerCustomer}, every response needs a {@code
   * customer_id} (and an {@code answered_at} when the file has that column), and only each
   * customer's latest response is kept (equal times, or no time column: the later row).
   */
  static Responses read(Csv.Table t, Scale scale, ZoneId zone, Needs needs) {
    Optional<String> weightColumn = needs.weightColumn();
    boolean needTime = needs.time();
    boolean skipInvalid = needs.skipInvalid();
    int scoreCol = t.required("score");
    int timeCol = t.column("answered_at");
    if (needTime && timeCol < 0) {
      t.required("answered_at");
    }
    int weightCol = weightColumn.map(t::required).orElse(-1);
    needs.byColumn().ifPresent(t::required);
    int customerCol = needs.latestPerCustomer() ? t.required("customer_id") : t.column(
        "customer_id");
    List<Response> out = new ArrayList<>();
    int skipped = 0;
    double weightSum = 0;
    double weightSquares = 0;
    for (Csv.Row r : t.rows()) {
      String raw = r.values().get(scoreCol).strip();
      Integer score = parseScore(raw, scale);
      if (score == null) {
        if (skipInvalid) {
          skipped++;
          continue;
        }
        throw t.error(r, scoreCol, raw.isEmpty()
            ? "blank score (use --skip-invalid to skip such rows)"
            : "score must be an integer in " + scale.label()
                + " (use --skip-invalid to skip such rows)");
      }
      String customer = customerCol < 0 ? "" : r.values().get(customerCol).strip();
      if (needs.latestPerCustomer() && customer.isEmpty()) {
        throw t.error(r, customerCol, "blank customer_id: --latest-per-customer keeps one "
            + "answer per customer, so every response needs its customer");
      }
      Optional<Instant> at = Optional.empty();
      if (timeCol >= 0) {
        String v = r.values().get(timeCol).strip();
        if (v.isEmpty()) {
          if (needTime) {
            throw t.error(r, timeCol, "answered_at is needed for --period");
          }
          if (needs.latestPerCustomer()) {
            throw t.error(r, timeCol, "blank answered_at: --latest-per-customer keeps each "
                + "customer's latest answer, so every response needs its time");
          }
        } else {
          at = Optional.of(parseTime(v, zone).orElseThrow(() -> t.error(r, timeCol,
              "not an ISO-8601 instant, offset date-time or date (2026-03-02T12:00:00Z, "
                  + "2026-03-02T13:00:00+01:00, 2026-03-02)")));
          if (at.get().isBefore(EARLIEST) || at.get().isAfter(LATEST)) {
            throw t.error(r, timeCol, "answered_at must be in the years 0001 to 9999 (UTC)");
          }
        }
      }
      double weight = 1.0;
      if (weightCol >= 0) {
        String v = r.values().get(weightCol).strip();
        try {
          weight = Double.parseDouble(v);
        } catch (NumberFormatException e) {
          weight = Double.NaN;
        }
        if (!Double.isFinite(weight) || weight < 0) {
          throw t.error(r, weightCol, "weight must be a finite number >= 0");
        }
        if (weight > 0 && weight < WeightedNpsAccumulator.MIN_POSITIVE_WEIGHT) {
          throw t.error(r, weightCol, "a positive weight must be at least "
              + WeightedNpsAccumulator.MIN_POSITIVE_WEIGHT + " (its square would underflow)");
        }
        weightSum += weight;
        weightSquares += weight * weight;
        if (Double.isInfinite(weightSum) || Double.isInfinite(weightSquares)) {
          throw t.error(r, weightCol, "weight too large: the sum of the weights or of their "
              + "squares overflows a double");
        }
      }
      Map<String, String> attrs = new TreeMap<>();
      for (int i = 0; i < r.values().size(); i++) {
        attrs.put(t.header().values().get(i).strip(), r.values().get(i));
      }
      out.add(new Response(score, at, Map.copyOf(attrs), weight, customer));
    }
    List<Response> kept = out;
    if (needs.latestPerCustomer()) {
      kept = timeCol >= 0
          ? PerCustomer.latest(out, Response::customerId, x -> x.answeredAt().orElseThrow())
          : PerCustomer.last(out, Response::customerId);
    }
    return new Responses(List.copyOf(kept), skipped, out.size());
  }

  private static Integer parseScore(String raw, Scale scale) {
    if (raw.isEmpty() || raw.length() > 3) {
      return null;
    }
    for (int i = 0; i < raw.length(); i++) {
      if (!Character.isDigit(raw.charAt(i)) || raw.charAt(i) > '9') {
        return null;
      }
    }
    int s = Integer.parseInt(raw);
    return scale.contains(s) ? s : null;
  }

  static Optional<Instant> parseTime(String v, ZoneId zone) {
    try {
      return Optional.of(Instant.parse(v));
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      return Optional.of(OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException e) {
      // try a date
    }
    try {
      return Optional.of(LocalDate.parse(v).atStartOfDay(zone).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The responses for a title: how many (with {@code --latest-per-customer}, kept of how many
   * read) and how many invalid rows were skipped.
   */
  String describe(boolean latestPerCustomer) {
    if (!latestPerCustomer) {
      return describe(rows.size(), skipped);
    }
    return String.format(Locale.ROOT, "%d responses: the latest of each customer, of %d read%s",
        rows.size(), read,
        skipped > 0 ? String.format(Locale.ROOT, " (%d invalid rows skipped)", skipped) : "");
  }

  static String describe(int n, int skipped) {
    return String.format(Locale.ROOT, "%d responses%s", n,
        skipped > 0 ? String.format(Locale.ROOT, " (%d invalid rows skipped)", skipped) : "");
  }
}

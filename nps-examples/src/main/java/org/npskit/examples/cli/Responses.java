package org.npskit.examples.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.npskit.core.Scale;
import org.npskit.core.WeightedNpsAccumulator;

/**
 * The responses CSV: required {@code score}, optional {@code answered_at} (instant, offset
 * date-time or date), any other column an attribute. Read as a stream: each valid response goes
 * to a consumer as soon as its row is read, so memory does not grow with the rows. Only {@code
 * --latest-per-customer} must hold something per row seen: one small entry per distinct customer
 * (its latest response so far), handed on, in file order, at the end of the file.
 *
 * <p>Immutable.
 *
 * @param kept the valid responses handed on (with {@code --latest-per-customer}: the ones kept)
 * @param skipped the number of rows with a blank or invalid score skipped by {@code
 *     --skip-invalid}
 * @param read the number of valid responses read, before {@code --latest-per-customer}
 */
record Responses(long kept, long skipped, long read) {
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /** The most characters a weight cell may hold (a plain decimal or a decimal exponent). */
  static final int MAX_WEIGHT_LENGTH = 40;

  /**
   * A weight: a decimal with an optional decimal exponent ({@code 1.5}, {@code .25}, {@code
   * 2.5e-3}); no hex, suffix, {@code NaN} or {@code Infinity}.
   */
  private static final Pattern WEIGHT =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]{1,4})?");

  /**
   * One valid response, with what a report reads of it.
   *
   * @param score the score
   * @param answeredAt when it was given, or null (no {@code answered_at} column, or a blank cell)
   * @param group the cell of the {@code --by} column as written, or null without {@code --by}
   * @param weight the weight, 1 without {@code --weight}
   */
  record Response(int score, Instant answeredAt, String group, double weight) {
    Optional<Instant> time() {
      return Optional.ofNullable(answeredAt);
    }
  }

  /** What the report asks of the file beyond its scores. */
  record Needs(Optional<String> weightColumn, boolean time, boolean skipInvalid,
      Optional<String> byColumn, boolean latestPerCustomer) {}

  /**
   * Reads every response of a small file into a list (the demo's sample).
   *
   * @return the responses in file order
   */
  static List<Response> readAll(Csv.Table t, Scale scale, ZoneId zone, Needs needs) {
    List<Response> out = new ArrayList<>();
    read(t, scale, zone, needs, out::add);
    return out;
  }

  /**
   * Reads the responses and hands each valid one to the sink, in file order. With {@code
   * latestPerCustomer}, every response needs a {@code customer_id} (and an {@code answered_at}
   * when the file has that column), and only each customer's latest response is handed on
   * (equal times, or no time column: the later row), in the order of the rows kept, once the
   * whole file is read.
   *
   * @return the counts
   * @throws BadInputException at the first bad cell
   */
  static Responses read(Csv.Table t, Scale scale, ZoneId zone, Needs needs,
      Consumer<Response> sink) {
    Optional<String> weightColumn = needs.weightColumn();
    boolean needTime = needs.time();
    boolean skipInvalid = needs.skipInvalid();
    int scoreCol = t.required("score");
    int timeCol = t.column("answered_at");
    if (needTime && timeCol < 0) {
      t.required("answered_at");
    }
    int weightCol = weightColumn.map(t::required).orElse(-1);
    int byCol = needs.byColumn().map(t::required).orElse(-1);
    boolean latest = needs.latestPerCustomer();
    int customerCol = latest ? t.required("customer_id") : -1;
    Map<String, Latest> perCustomer = latest ? new HashMap<>() : null;
    Map<String, String> groups = new HashMap<>();
    long read = 0;
    long skipped = 0;
    double weightSum = 0;
    double weightSquares = 0;
    for (Csv.Row next = t.next(); next != null; next = t.next()) {
      Csv.Row r = next;
      String raw = r.values().get(scoreCol).strip();
      int score = parseScore(raw, scale);
      if (score < 0) {
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
      if (latest && customer.isEmpty()) {
        throw t.error(r, customerCol, "blank customer_id: --latest-per-customer keeps one "
            + "answer per customer, so every response needs its customer");
      }
      Instant at = null;
      if (timeCol >= 0) {
        String v = r.values().get(timeCol).strip();
        if (v.isEmpty()) {
          if (needTime) {
            throw t.error(r, timeCol, "answered_at is needed for --period");
          }
          if (latest) {
            throw t.error(r, timeCol, "blank answered_at: --latest-per-customer keeps each "
                + "customer's latest answer, so every response needs its time");
          }
        } else {
          at = parseTime(v, zone).orElseThrow(() -> t.error(r, timeCol,
              "not an ISO-8601 instant, offset date-time or date (2026-03-02T12:00:00Z, "
                  + "2026-03-02T13:00:00+01:00, 2026-03-02)"));
          if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw t.error(r, timeCol, "answered_at must be in the years 0001 to 9999 (UTC)");
          }
        }
      }
      double weight = 1.0;
      if (weightCol >= 0) {
        weight = weight(t, r, weightCol);
        weightSum += weight;
        weightSquares += weight * weight;
        if (Double.isInfinite(weightSum) || Double.isInfinite(weightSquares)) {
          throw t.error(r, weightCol, "weight too large: the sum of the weights or of their "
              + "squares overflows a double");
        }
      }
      String group = null;
      if (byCol >= 0) {
        // One String per distinct group, not per row: entries kept per customer share it.
        group = groups.computeIfAbsent(r.values().get(byCol), k -> k);
      }
      long row = read++;
      if (latest) {
        Latest best = perCustomer.get(customer);
        if (best == null || at == null || !at.isBefore(best.time())) {
          perCustomer.put(customer, new Latest(row, at == null ? 0 : at.getEpochSecond(),
              at == null ? -1 : at.getNano(), score, group, weight));
        }
      } else {
        sink.accept(new Response(score, at, group, weight));
      }
    }
    long kept = read;
    if (latest) {
      List<Latest> winners = new ArrayList<>(perCustomer.values());
      perCustomer.clear();
      winners.sort(Comparator.comparingLong(Latest::row));
      winners.forEach(w -> sink.accept(w.response()));
      kept = winners.size();
    }
    return new Responses(kept, skipped, read);
  }

  /**
   * A customer's latest response so far and its row among the valid responses, in one small
   * object (about 50 bytes besides the customer id and the map entry): {@code
   * --latest-per-customer} holds one per distinct customer.
   *
   * @param nanos the nanoseconds of the time, -1 for no time
   */
  private record Latest(long row, long seconds, int nanos, int score, String group,
      double weight) {
    Instant time() {
      return nanos < 0 ? null : Instant.ofEpochSecond(seconds, nanos);
    }

    Response response() {
      return new Response(score, time(), group, weight);
    }
  }

  private static double weight(Csv.Table t, Csv.Row r, int weightCol) {
    String v = r.values().get(weightCol).strip();
    if (v.length() > MAX_WEIGHT_LENGTH || !WEIGHT.matcher(v).matches()) {
      throw t.error(r, weightCol, Text.f("weight must be a number >= 0 written as a decimal "
          + "(1.5, 0.25, 2.5e-3), at most %d characters", MAX_WEIGHT_LENGTH));
    }
    double weight = Double.parseDouble(v);
    if (!Double.isFinite(weight) || weight < 0) {
      throw t.error(r, weightCol, "weight must be a finite number >= 0");
    }
    if (weight > 0 && weight < WeightedNpsAccumulator.MIN_POSITIVE_WEIGHT) {
      throw t.error(r, weightCol, "a positive weight must be at least "
          + WeightedNpsAccumulator.MIN_POSITIVE_WEIGHT + " (its square would underflow)");
    }
    return weight;
  }

  /** The score, or -1 when the cell holds none in the scale. */
  private static int parseScore(String raw, Scale scale) {
    if (raw.isEmpty() || raw.length() > 3) {
      return -1;
    }
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
        return -1;
      }
    }
    int s = Integer.parseInt(raw);
    return scale.contains(s) ? s : -1;
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
      return describe(kept, skipped);
    }
    return String.format(Locale.ROOT, "%d responses: the latest of each customer, of %d read%s",
        kept, read,
        skipped > 0 ? String.format(Locale.ROOT, " (%d invalid rows skipped)", skipped) : "");
  }

  static String describe(long n, long skipped) {
    return String.format(Locale.ROOT, "%d responses%s", n,
        skipped > 0 ? String.format(Locale.ROOT, " (%d invalid rows skipped)", skipped) : "");
  }
}

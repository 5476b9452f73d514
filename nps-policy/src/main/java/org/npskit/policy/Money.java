package org.npskit.policy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import org.npskit.policy.internal.Checks;

/**
 * An amount of money in one currency. Immutable and thread-safe. Threshold checks compare by
 * value ({@link #isLessThan}: {@code 100} and {@code 100.00} are equal there), while
 * {@link #equals} follows {@link BigDecimal#equals} (scale matters).
 *
 * @param amount the amount; not null, not negative
 * @param currency the currency; not null
 */
public record Money(BigDecimal amount, Currency currency) {
  /**
   * The largest scale (decimals) and the largest power-of-ten exponent an amount may have, so that
   * every amount prints in plain notation in bounded space.
   */
  public static final int MAX_SCALE = 1000;

  private static final java.util.regex.Pattern PLAIN_DECIMAL =
      java.util.regex.Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

  /**
   * Validates the amount and currency.
   *
   * @param amount the amount; not null, not negative, scale within +/- {@link #MAX_SCALE}
   * @param currency the currency; not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the amount is negative or its scale is beyond +/- {@link
   *     #MAX_SCALE} (such as {@code 1E+100000})
   */
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if (amount.scale() > MAX_SCALE || amount.scale() < -MAX_SCALE) {
      throw new IllegalArgumentException(
          Checks.format("amount must have at most %d decimals and no power-of-ten exponent"
              + " beyond %d, was %s %s", MAX_SCALE, MAX_SCALE, amount,
              currency.getCurrencyCode()));
    }
    if (amount.signum() < 0) {
      throw new IllegalArgumentException(
          Checks.format("amount must not be negative, was %s %s", amount.toPlainString(),
              currency.getCurrencyCode()));
    }
  }

  /**
   * Money from a decimal text and an ISO 4217 code, e.g. {@code Money.of("59.95", "EUR")}.
   *
   * @param amount a plain decimal such as {@code 59.95}; not null
   * @param currencyCode a three-letter ISO 4217 code; not null
   * @return the money
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the amount is malformed (not digits with an optional
   *     sign and decimal point, for example in exponent notation) or negative, or the code unknown
   */
  public static Money of(String amount, String currencyCode) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currencyCode, "currencyCode");
    BigDecimal value;
    if (!PLAIN_DECIMAL.matcher(amount.trim()).matches()) {
      throw new IllegalArgumentException(
          Checks.format("amount must be a plain decimal such as 59.95, was '%s'", amount));
    }
    try {
      value = new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          Checks.format("amount must be a plain decimal, was '%s'", amount), e);
    }
    return new Money(value, currency(currencyCode));
  }

  /**
   * Money from an amount and an ISO 4217 code, e.g. {@code Money.of(row.getBigDecimal("price"),
   * "EUR")}: the amount keeps its digits and scale.
   *
   * @param amount the amount; not null, not negative, at most {@value #MAX_SCALE} decimals
   * @param currencyCode a three-letter ISO 4217 code; not null
   * @return the money
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the amount is negative or has too many decimals, or the
   *     code is unknown
   */
  public static Money of(BigDecimal amount, String currencyCode) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currencyCode, "currencyCode");
    return new Money(amount, currency(currencyCode));
  }

  static Currency currency(String code) {
    if (!code.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException(
          Checks.format("currency must be three capital letters (ISO 4217), was '%s'", code));
    }
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          Checks.format("currency must be an ISO 4217 code, was '%s'", code), e);
    }
  }

  /**
   * This amount times a quantity.
   *
   * @param quantity the factor, at least 1
   * @return the product in the same currency
   */
  public Money times(int quantity) {
    if (quantity == 1) {
      return this; // amount x 1 has the same digits and scale: no new objects on the common path
    }
    return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
  }

  /**
   * The sum of two amounts of the same currency.
   *
   * @param other the other amount; not null, same currency
   * @return the sum
   * @throws IllegalArgumentException if the currencies differ
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    // A zero of no larger scale adds nothing, not even decimals: the sum is the other amount,
    // digits and scale alike (as BigDecimal.add would compute it), without new objects.
    if (amount.signum() == 0 && amount.scale() <= other.amount.scale()) {
      return other;
    }
    if (other.amount.signum() == 0 && other.amount.scale() <= amount.scale()) {
      return this;
    }
    return new Money(amount.add(other.amount), currency);
  }

  /**
   * Whether this amount is strictly less than the other (thresholds pass at equality).
   *
   * @param other the other amount; not null, same currency
   * @return true if {@code this < other}
   * @throws IllegalArgumentException if the currencies differ
   */
  public boolean isLessThan(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount) < 0;
  }

  private void requireSameCurrency(Money other) {
    Objects.requireNonNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          Checks.format("currency must be %s, was %s", currency, other.currency));
    }
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}

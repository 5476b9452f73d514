package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Money#plus} and {@link Money#times} give exactly what {@link BigDecimal} arithmetic
 * gives, digits and scale alike ({@code equals}, not {@code compareTo}): their shortcuts for
 * zeros and a quantity of 1 must not change a single decimal of an amount a reason message
 * shows.
 */
class MoneyArithmeticProperties {
  private static final Currency EUR = Currency.getInstance("EUR");

  @Provide
  Arbitrary<BigDecimal> amounts() {
    Arbitrary<BigInteger> unscaled = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(BigInteger.ZERO)),
        net.jqwik.api.Tuple.of(3, Arbitraries.bigIntegers().between(
            BigInteger.ZERO, BigInteger.TEN.pow(25))));
    return Combinators.combine(unscaled, Arbitraries.integers().between(-4, 6))
        .as(BigDecimal::new);
  }

  @Property
  void plusIsBigDecimalAddition(@ForAll("amounts") BigDecimal a, @ForAll("amounts") BigDecimal b) {
    Money sum = new Money(a, EUR).plus(new Money(b, EUR));

    assertThat(sum.amount()).isEqualTo(a.add(b));
    assertThat(sum.amount().scale()).isEqualTo(a.add(b).scale());
    assertThat(sum.currency()).isEqualTo(EUR);
  }

  @Property
  void timesIsBigDecimalMultiplication(
      @ForAll("amounts") BigDecimal a, @ForAll @IntRange(min = 1, max = 1000) int quantity) {
    Money product = new Money(a, EUR).times(quantity);

    BigDecimal expected = a.multiply(BigDecimal.valueOf(quantity));
    assertThat(product.amount()).isEqualTo(expected);
    assertThat(product.amount().scale()).isEqualTo(expected.scale());
  }

  @Property
  void shortcutsKeepTheOtherOperandsScale(@ForAll @IntRange(min = -3, max = 5) int zeroScale,
      @ForAll("amounts") BigDecimal b) {
    BigDecimal zero = BigDecimal.valueOf(0, zeroScale);

    assertThat(new Money(zero, EUR).plus(new Money(b, EUR)).amount()).isEqualTo(zero.add(b));
    assertThat(new Money(b, EUR).plus(new Money(zero, EUR)).amount()).isEqualTo(b.add(zero));
  }
}

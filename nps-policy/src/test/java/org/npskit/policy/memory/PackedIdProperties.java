package org.npskit.policy.memory;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** The id packing of the in-memory store: lossless, injective, and refusing what does not fit. */
class PackedIdProperties {

  @Property
  void everyPackableIdDecodesToItselfWithBit63ClearInBothWords(
      @ForAll @StringLength(min = 1, max = 18) @CharRange(from = '\u0001', to = '\u007f')
          String id) {
    long first = PackedId.first(id);
    long second = PackedId.second(id);

    assertThat(first).isNotEqualTo(PackedId.NOT_PACKABLE);
    assertThat(first).isPositive();
    assertThat(second).isNotNegative();
    assertThat(PackedId.decode(first, second)).isEqualTo(id);
  }

  @Property
  void distinctPackableIdsGetDistinctWords(
      @ForAll @StringLength(min = 1, max = 18) @CharRange(from = '\u0001', to = '\u007f') String a,
      @ForAll @StringLength(min = 1, max = 18) @CharRange(from = '\u0001', to = '\u007f')
          String b) {
    boolean sameWords =
        PackedId.first(a) == PackedId.first(b) && PackedId.second(a) == PackedId.second(b);
    assertThat(sameWords).isEqualTo(a.equals(b));
  }

  @Property
  void anIdWithACharacterOutsideAsciiOrZeroIsNotPackable(
      @ForAll @StringLength(max = 17) @CharRange(from = '\u0001', to = '\u007f') String ascii,
      @ForAll @CharRange(from = '\u0080', to = '\uffff') char other,
      @ForAll boolean zeroInstead) {
    String id = ascii + (zeroInstead ? '\u0000' : other);
    assertThat(PackedId.first(id)).isEqualTo(PackedId.NOT_PACKABLE);
    assertThat(PackedId.first(other + ascii)).isEqualTo(PackedId.NOT_PACKABLE);
  }

  @Example
  void lengthLimitsAreExact() {
    assertThat(PackedId.first("")).isEqualTo(PackedId.NOT_PACKABLE);
    assertThat(PackedId.first("123456789012345678")).isNotEqualTo(PackedId.NOT_PACKABLE);
    assertThat(PackedId.first("1234567890123456789")).isEqualTo(PackedId.NOT_PACKABLE);
    assertThat(PackedId.second("123456789")).isZero();
    assertThat(PackedId.second("1234567890")).isEqualTo('0');
    assertThat(PackedId.first("A")).isEqualTo('A');
    assertThat(PackedId.decode(PackedId.first("C100000000"), PackedId.second("C100000000")))
        .isEqualTo("C100000000");
  }
}

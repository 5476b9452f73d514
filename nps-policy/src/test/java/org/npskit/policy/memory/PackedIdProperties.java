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
    long head = PackedId.head(id);
    long tail = PackedId.tail(id);

    assertThat(head).isNotEqualTo(PackedId.NOT_PACKABLE);
    assertThat(head).isPositive();
    assertThat(tail).isNotNegative();
    assertThat(PackedId.decode(head, tail)).isEqualTo(id);
  }

  @Property
  void distinctPackableIdsGetDistinctWords(
      @ForAll @StringLength(min = 1, max = 18) @CharRange(from = '\u0001', to = '\u007f') String a,
      @ForAll @StringLength(min = 1, max = 18) @CharRange(from = '\u0001', to = '\u007f')
          String b) {
    boolean sameWords =
        PackedId.head(a) == PackedId.head(b) && PackedId.tail(a) == PackedId.tail(b);
    assertThat(sameWords).isEqualTo(a.equals(b));
  }

  @Property
  void anIdWithACharacterOutsideAsciiOrZeroIsNotPackable(
      @ForAll @StringLength(max = 17) @CharRange(from = '\u0001', to = '\u007f') String ascii,
      @ForAll @CharRange(from = '\u0080', to = '\uffff') char other,
      @ForAll boolean zeroInstead) {
    String id = ascii + (zeroInstead ? '\u0000' : other);
    assertThat(PackedId.head(id)).isEqualTo(PackedId.NOT_PACKABLE);
    assertThat(PackedId.head(other + ascii)).isEqualTo(PackedId.NOT_PACKABLE);
  }

  @Example
  void lengthLimitsAreExact() {
    assertThat(PackedId.head("")).isEqualTo(PackedId.NOT_PACKABLE);
    assertThat(PackedId.head("123456789012345678")).isNotEqualTo(PackedId.NOT_PACKABLE);
    assertThat(PackedId.head("1234567890123456789")).isEqualTo(PackedId.NOT_PACKABLE);
    assertThat(PackedId.tail("123456789")).isZero();
    assertThat(PackedId.tail("1234567890")).isEqualTo('0');
    assertThat(PackedId.head("A")).isEqualTo('A');
    assertThat(PackedId.decode(PackedId.head("C100000000"), PackedId.tail("C100000000")))
        .isEqualTo("C100000000");
  }
}

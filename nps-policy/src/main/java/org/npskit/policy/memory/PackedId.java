package org.npskit.policy.memory;

/**
 * Identifiers of up to 18 ASCII characters (U+0001 to U+007F) packed into two {@code long}s, 7
 * bits per character, characters 0-8 in the first word and 9-17 in the second, from the lowest
 * bits up, padded with zero bits. Bit 63 of each word is always clear.
 *
 * <p>The packing is injective: no character packs to zero, so the padding marks the length, and
 * every packable id has a non-zero first word. Other ids (longer, or with other characters) are
 * not packable: {@link #first} returns {@link #NOT_PACKABLE} and the store keeps them as strings.
 */
final class PackedId {
  /** The first word of an id that cannot be packed; never the first word of a packable id. */
  static final long NOT_PACKABLE = 0L;

  /** The longest packable id. */
  static final int MAX_LENGTH = 18;

  private static final int PER_WORD = 9;
  private static final int BITS = 7;

  private PackedId() {}

  /**
   * The first word of the id (characters 0-8), or {@link #NOT_PACKABLE} if the id is empty,
   * longer than {@link #MAX_LENGTH} or holds a character outside U+0001 to U+007F. Checks every
   * character, so a non-zero result means {@link #second} is valid too.
   */
  static long first(String id) {
    int n = id.length();
    if (n == 0 || n > MAX_LENGTH) {
      return NOT_PACKABLE;
    }
    long word = 0;
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      if (c == 0 || c > 0x7F) {
        return NOT_PACKABLE;
      }
      if (i < PER_WORD) {
        word |= (long) c << (BITS * i);
      }
    }
    return word;
  }

  /** The second word of a packable id (characters 9-17; zero for ids of up to 9 characters). */
  static long second(String id) {
    long word = 0;
    for (int i = PER_WORD; i < id.length(); i++) {
      word |= (long) id.charAt(i) << (BITS * (i - PER_WORD));
    }
    return word;
  }

  /** The id of two words produced by {@link #first} and {@link #second}. */
  static String decode(long first, long second) {
    char[] out = new char[MAX_LENGTH];
    int n = unpack(first, out, 0);
    if (n == PER_WORD) {
      n += unpack(second, out, PER_WORD);
    }
    return new String(out, 0, n);
  }

  private static int unpack(long word, char[] out, int at) {
    int n = 0;
    while (n < PER_WORD) {
      char c = (char) ((word >>> (BITS * n)) & 0x7F);
      if (c == 0) {
        break;
      }
      out[at + n++] = c;
    }
    return n;
  }
}

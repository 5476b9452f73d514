package org.npskit.policy.memory;

/**
 * Ids of up to {@value #MAX_LENGTH} ASCII characters (U+0001 to U+007F) as two {@code long}s,
 * so that the store keeps most ids without a {@code String}: the {@link #head} word holds the
 * first nine characters and the {@link #tail} word the next nine. An id that does not fit has
 * the head {@link #NOT_PACKABLE} and is kept as a string.
 *
 * <p>Stateless and thread-safe.
 */
final class PackedId {
  /*
   * Design notes.
   *
   * Seven bits per character, character k of a word at bits 7k to 7k+6, from the lowest bits up;
   * unused characters are zero bits. Nine characters use 63 bits, so bit 63 of both words is
   * always clear: the store keeps a flag there (the decided-order rows' live-survey bit).
   *
   * Injective: no packable character is zero, so the first zero character marks the end, and two
   * different ids differ in a character or in where the zeros begin. A packable id has at least
   * one character, so its head is never 0: 0 (NOT_PACKABLE) can mark "kept as a string" in the
   * same column. A 10 to 18 character id has a non-zero tail; a shorter one has tail 0.
   *
   * 18 characters cover the usual order and customer ids (C100000000, P100000000; a UUID, 36
   * characters, does not fit and is kept as a string). A String of 10 ASCII characters costs 56
   * bytes (24 for the String, 32 for its byte[]); the two words cost 16.
   */

  /** The head of an id that cannot be packed; never the head of a packable id. */
  static final long NOT_PACKABLE = 0L;

  /** The longest packable id. */
  static final int MAX_LENGTH = 18;

  private static final int PER_WORD = 9;
  private static final int BITS = 7;

  private PackedId() {}

  /**
   * The head word of the id (characters 0-8), or {@link #NOT_PACKABLE} if the id is empty,
   * longer than {@link #MAX_LENGTH} or holds a character outside U+0001 to U+007F. Checks every
   * character, so a result other than {@link #NOT_PACKABLE} means {@link #tail} is valid too.
   */
  static long head(String id) {
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

  /** The tail word of a packable id (characters 9-17; zero for ids of up to 9 characters). */
  static long tail(String id) {
    long word = 0;
    for (int i = PER_WORD; i < id.length(); i++) {
      word |= (long) id.charAt(i) << (BITS * (i - PER_WORD));
    }
    return word;
  }

  /** The id whose {@link #head} and {@link #tail} are the given words. */
  static String decode(long head, long tail) {
    char[] out = new char[MAX_LENGTH];
    int n = unpack(head, out, 0);
    if (n == PER_WORD) {
      n += unpack(tail, out, PER_WORD);
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

package org.npskit.policy;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The sticky bucket of a customer, stable across JVMs and versions: SHA-256 over the UTF-8 bytes
 * of {@code salt + ":" + customerId}; the first 8 bytes, read as a big-endian unsigned 64-bit
 * integer {@code h}, give the fraction {@code (h >>> 11) / 2^53} in [0, 1). A customer is in a
 * group of rate {@code r} iff fraction &lt; r (so rate 0 selects nobody and rate 1 everybody).
 *
 * <p>Each thread reuses one digest and one input buffer (no provider lookup and no string
 * concatenation per call); ASCII text is encoded into the buffer directly, other text through
 * {@link String#getBytes}, so the bytes hashed are always the UTF-8 encoding.
 */
final class StickyHash {
  private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

  private StickyHash() {}

  /**
   * The customer's fraction for a salt.
   *
   * @param salt the salt; not null
   * @param customerId the customer; not null
   * @return a fraction in [0, 1)
   */
  static double fraction(String salt, String customerId) {
    return HASHER.get().fraction(salt, customerId);
  }

  /**
   * Whether the customer is in the group. Rates 0 and 1 need no hash (every fraction lies in
   * [0, 1)).
   *
   * @param salt the salt
   * @param customerId the customer
   * @param rate the group's rate in [0, 1]
   * @return true iff the fraction is below the rate
   */
  static boolean inGroup(String salt, String customerId, double rate) {
    if (rate <= 0.0) {
      return false;
    }
    if (rate >= 1.0) {
      return true;
    }
    return fraction(salt, customerId) < rate;
  }

  /** One thread's digest, input buffer and output buffer. */
  private static final class Hasher {
    private final MessageDigest sha;
    private final byte[] out = new byte[32];
    private byte[] in = new byte[64];

    Hasher() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required of every JVM", e);
      }
    }

    double fraction(String salt, String customerId) {
      // A call that failed half-way (an Error between update and digest) must not leave input
      // in the digest for the next one.
      sha.reset();
      int n = salt.length() + 1 + customerId.length();
      if (in.length < n) {
        in = new byte[Math.max(n, 2 * in.length)];
      }
      int len = ascii(salt, in, 0);
      if (len >= 0) {
        in[len++] = ':';
        int id = ascii(customerId, in, len);
        len = id < 0 ? -1 : id;
      }
      if (len >= 0) {
        sha.update(in, 0, len);
        // The buffer outlives the call on this thread: keep no customer id in it.
        Arrays.fill(in, 0, len, (byte) 0);
      } else {
        sha.update((salt + ":" + customerId).getBytes(StandardCharsets.UTF_8));
      }
      try {
        sha.digest(out, 0, out.length);
      } catch (DigestException e) {
        throw new IllegalStateException("SHA-256 digest failed", e);
      }
      long h = 0;
      for (int i = 0; i < 8; i++) {
        h = (h << 8) | (out[i] & 0xFF);
      }
      return (h >>> 11) * 0x1.0p-53;
    }

    /**
     * Writes {@code s} at {@code at} if it is ASCII (then its UTF-8 bytes are its chars).
     *
     * @return the end offset, or -1 if {@code s} has a non-ASCII char (nothing to rely on then)
     */
    private static int ascii(String s, byte[] target, int at) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          return -1;
        }
        target[at + i] = (byte) c;
      }
      return at + s.length();
    }
  }
}

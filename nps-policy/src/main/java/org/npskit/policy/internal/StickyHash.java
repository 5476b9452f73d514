package org.npskit.policy.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The sticky bucket of a customer, stable across JVMs and versions: SHA-256 over the UTF-8 bytes
 * of {@code salt + ":" + customerId}; the first 8 bytes, read as a big-endian unsigned 64-bit
 * integer {@code h}, give the fraction {@code (h >>> 11) / 2^53} in [0, 1). A customer is in a
 * group of rate {@code r} iff fraction &lt; r (so rate 0 selects nobody and rate 1 everybody).
 */
public final class StickyHash {
  private StickyHash() {}

  /**
   * The customer's fraction for a salt.
   *
   * @param salt the salt; not null
   * @param customerId the customer; not null
   * @return a fraction in [0, 1)
   */
  public static double fraction(String salt, String customerId) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
    byte[] digest = sha.digest((salt + ":" + customerId).getBytes(StandardCharsets.UTF_8));
    long h = 0;
    for (int i = 0; i < 8; i++) {
      h = (h << 8) | (digest[i] & 0xFF);
    }
    return (h >>> 11) * 0x1.0p-53;
  }

  /**
   * Whether the customer is in the group.
   *
   * @param salt the salt
   * @param customerId the customer
   * @param rate the group's rate in [0, 1]
   * @return true iff the fraction is below the rate
   */
  public static boolean inGroup(String salt, String customerId, double rate) {
    return fraction(salt, customerId) < rate;
  }
}

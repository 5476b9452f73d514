package org.npskit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The documented sticky sampling hash, written out by hand for the baselines: the first 8 bytes of
 * SHA-256 over UTF-8 {@code salt + ":" + customerId}, as an unsigned fraction in [0, 1); a customer
 * is sampled iff the fraction is below the rate.
 */
public final class StickyHash {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    });

    private StickyHash() {
    }

    /**
     * Returns the customer's fraction in [0, 1).
     *
     * @param salt the salt
     * @param customerId the customer id
     * @return the fraction
     */
    public static double fraction(String salt, String customerId) {
        MessageDigest digest = SHA_256.get();
        byte[] hash = digest.digest((salt + ":" + customerId).getBytes(StandardCharsets.UTF_8));
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (hash[i] & 0xFF);
        }
        return (bits >>> 11) * 0x1.0p-53;
    }

    /**
     * Tells whether the customer is in the sample.
     *
     * @param salt the salt
     * @param customerId the customer id
     * @param rate the sampling rate in [0, 1]
     * @return true if sampled
     */
    public static boolean sampled(String salt, String customerId, double rate) {
        return fraction(salt, customerId) < rate;
    }
}

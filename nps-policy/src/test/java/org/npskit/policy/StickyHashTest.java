package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * Pins the documented hash: SHA-256 over UTF-8 {@code salt + ":" + customerId}, first 8 bytes
 * big-endian unsigned, top 53 bits / 2^53. Expected values computed independently (Python
 * {@code hashlib}); they must never change, or customers would move between buckets.
 */
class StickyHashTest {
  @Test
  void knownValues() {
    // sha256(":K-1")[:8] = 5dcd92eeab51036e
    assertThat(StickyHash.fraction("", "K-1")).isEqualTo(0.36641805960545426);
    // sha256(":K-9")[:8] = 9a3984780e06fd4e
    assertThat(StickyHash.fraction("", "K-9")).isEqualTo(0.6024401467421078);
    // sha256("holdout:K-1")[:8] = 363d21a34033941d
    assertThat(StickyHash.fraction("holdout", "K-1")).isEqualTo(0.21187029109587585);
    // sha256("s1:customer-42")[:8] = 776f478bb694841a
    assertThat(StickyHash.fraction("s1", "customer-42")).isEqualTo(0.46654174004523163);
  }

  @Test
  void groupMembershipIsFractionBelowRate() {
    assertThat(StickyHash.inGroup("", "K-1", Math.nextUp(0.36641805960545426))).isTrue();
    assertThat(StickyHash.inGroup("", "K-1", 0.36641805960545426)).isFalse();
    assertThat(StickyHash.inGroup("", "K-1", 1.0)).isTrue();
    assertThat(StickyHash.inGroup("", "K-1", 0.0)).isFalse();
  }

  @Test
  void nonAsciiAndLongTextHashTheirUtf8Bytes() throws Exception {
    String[][] cases = {
      {"", "K-1"}, {"s\u00e9l", "K-1"}, {"holdout", "kl\u00e4nt-\u20ac-\ud83d\ude00"},
      {"a-long-salt-".repeat(9), "customer-".repeat(20)}, {"", ""}
    };
    for (String[] c : cases) {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest((c[0] + ":" + c[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      long h = java.nio.ByteBuffer.wrap(d).getLong();
      assertThat(StickyHash.fraction(c[0], c[1])).isEqualTo((h >>> 11) * 0x1.0p-53);
    }
    // The thread's buffers are reused: a short id after a long one still hashes alone.
    assertThat(StickyHash.fraction("", "K-1")).isEqualTo(0.36641805960545426);
  }

  @Test
  void thePerThreadInputBufferKeepsNoCustomerIdAfterAHash() throws Exception {
    StickyHash.fraction("holdout-2026", "customer-4711");
    Field hasherField = StickyHash.class.getDeclaredField("HASHER");
    hasherField.setAccessible(true);
    Object hasher = ((ThreadLocal<?>) hasherField.get(null)).get();
    Field in = hasher.getClass().getDeclaredField("in");
    in.setAccessible(true);
    assertThat((byte[]) in.get(hasher)).containsOnly((byte) 0);
    // Clearing the buffer does not change the next value.
    assertThat(StickyHash.fraction("holdout-2026", "customer-4711"))
        .isEqualTo(StickyHash.fraction("holdout-2026", "customer-4711"));
  }
}

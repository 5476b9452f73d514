package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class PValueAdjustmentProperties {
  /** Families of up to 40 p-values, with exact 0s, 1s and ties mixed in. */
  @Provide
  Arbitrary<double[]> families() {
    Arbitrary<Double> p =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.doubles().between(0.0, 1.0)),
            Tuple.of(2, Arbitraries.doubles().between(0.0, 0.01)),
            Tuple.of(1, Arbitraries.of(0.0, 1.0, 0.05, 0.5)));
    return p.list().ofMaxSize(40).map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
  }

  @Property
  void adjustedValuesAreNeverBelowTheRawOnesAndAtMostOne(@ForAll("families") double[] raw) {
    for (PValueAdjustment a : PValueAdjustment.values()) {
      double[] adj = a.adjust(raw);
      assertThat(adj).hasSameSizeAs(raw);
      for (int i = 0; i < raw.length; i++) {
        assertThat(adj[i]).isGreaterThanOrEqualTo(raw[i]).isLessThanOrEqualTo(1.0);
      }
    }
  }

  @Property
  void aSmallerRawValueNeverGetsALargerAdjustedValue(@ForAll("families") double[] raw) {
    for (PValueAdjustment a : PValueAdjustment.values()) {
      double[] adj = a.adjust(raw);
      for (int i = 0; i < raw.length; i++) {
        for (int j = 0; j < raw.length; j++) {
          if (raw[i] <= raw[j]) {
            assertThat(adj[i]).isLessThanOrEqualTo(adj[j]);
          }
        }
      }
    }
  }

  @Property
  void holmIsNeverBelowBenjaminiHochberg(@ForAll("families") double[] raw) {
    double[] holm = PValueAdjustment.HOLM.adjust(raw);
    double[] bh = PValueAdjustment.BENJAMINI_HOCHBERG.adjust(raw);
    for (int i = 0; i < raw.length; i++) {
      assertThat(holm[i]).isGreaterThanOrEqualTo(bh[i]);
    }
  }

  @Property
  void noneIsTheRawValues(@ForAll("families") double[] raw) {
    assertThat(PValueAdjustment.NONE.adjust(raw)).containsExactly(raw);
  }

  @Property
  void theInputOrderDoesNotMatter(@ForAll("families") double[] raw, @ForAll long seed) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    double[] shuffled = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      shuffled[i] = raw[order.get(i)];
    }
    for (PValueAdjustment a : PValueAdjustment.values()) {
      double[] adj = a.adjust(raw);
      double[] adjShuffled = a.adjust(shuffled);
      for (int i = 0; i < raw.length; i++) {
        assertThat(adjShuffled[i]).isEqualTo(adj[order.get(i)]);
      }
    }
  }

  @Property
  void matchesTheDefiningFormulasOfTheContract(@ForAll("families") double[] raw) {
    // DESIGN 3b, straight from the text: sort ascending; Holm adj(i) = max over j <= i of
    // min(1, (m - j + 1) p(j)); BH adj(i) = min over j >= i of min(1, m p(j) / j).
    int m = raw.length;
    double[] sorted = raw.clone();
    Arrays.sort(sorted);
    double[] holm = PValueAdjustment.HOLM.adjust(raw);
    double[] bh = PValueAdjustment.BENJAMINI_HOCHBERG.adjust(raw);
    for (int k = 0; k < m; k++) {
      int i = Arrays.binarySearch(sorted, raw[k]) + 1;
      // a tied value may sit anywhere in its run; ties share one adjusted value
      double h = 0;
      for (int j = 1; j <= i; j++) {
        h = Math.max(h, Math.min(1.0, (m - j + 1) * sorted[j - 1]));
      }
      double b = 1;
      for (int j = i; j <= m; j++) {
        b = Math.min(b, Math.min(1.0, m * sorted[j - 1] / j));
      }
      assertThat(holm[k]).isCloseTo(h, within(1e-15));
      assertThat(bh[k]).isCloseTo(b, within(1e-15));
    }
  }
}

package org.npskit.examples.cli;

import java.util.Map;
import java.util.Optional;
import org.npskit.core.Interval;
import org.npskit.core.IntervalMethod;
import org.npskit.core.NpsResult;
import org.npskit.core.NpsTally;
import org.npskit.core.WeightedNpsTally;

/**
 * The figures of one result as the report prints them (points, full precision). With weights,
 * NPS, standard error and interval are the weighted ones and {@code effectiveN} is set.
 */
record Figures(NpsTally tally, double nps, double standardError, double confidence,
    IntervalMethod method, double low, double high, Optional<Double> effectiveN) {

  static Figures of(NpsTally tally, Optional<WeightedNpsTally> weighted, double confidence,
      IntervalMethod method) {
    if (weighted.isPresent()) {
      WeightedNpsTally w = weighted.get();
      Interval i = w.interval(confidence, method);
      return new Figures(tally, w.nps(), w.standardError(), confidence, method, i.low(), i.high(),
          Optional.of(w.effectiveN()));
    }
    NpsResult r = tally.toResult();
    Interval i = r.interval(confidence, method);
    return new Figures(tally, r.nps(), r.standardError(), confidence, method, i.low(), i.high(),
        Optional.empty());
  }

  Map<String, Object> toJson(Map<String, Object> o) {
    o.put("n", tally.n());
    o.put("detractors", tally.detractors());
    o.put("passives", tally.passives());
    o.put("promoters", tally.promoters());
    o.put("nps", nps);
    o.put("standardError", standardError);
    o.put("confidence", confidence);
    o.put("method", method.label());
    o.put("low", low);
    o.put("high", high);
    effectiveN.ifPresent(e -> o.put("effectiveN", e));
    return o;
  }
}

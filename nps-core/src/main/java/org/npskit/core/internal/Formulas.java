package org.npskit.core.internal;

/**
 * The NPS formulas of the statistics contract on (possibly non-integer) category counts D, P, R.
 *
 * <p>All results are in points (-100..100). Callers guarantee n = D + P + R &gt; 0 and finite,
 * non-negative counts. Stateless and thread-safe.
 */
public final class Formulas {
  /** Pseudo-count added to detractors and promoters by the adjusted Wald method (Rocks 2016). */
  public static final double ADJUST_OUTER = 0.75;
  /** Pseudo-count added to passives by the adjusted Wald method. */
  public static final double ADJUST_PASSIVE = 1.5;
  /** Tolerance of the Tango root finder on the share scale (the final bracket is below 2x). */
  private static final double ROOT_TOLERANCE = 1e-15;

  private Formulas() {}

  /**
   * NPS = 100 (R - D) / n.
   *
   * @param d detractors
   * @param p passives
   * @param r promoters
   * @return the NPS in points
   */
  public static double nps(double d, double p, double r) {
    double n = d + p + r;
    return 100.0 * (r / n - d / n);
  }

  /**
   * Per-respondent variance V = p + d - (p - d)^2 on shares.
   *
   * @param d detractors
   * @param p passives
   * @param r promoters
   * @return V, clamped at 0 against rounding
   */
  public static double variance(double d, double p, double r) {
    double n = d + p + r;
    double ds = d / n;
    double rs = r / n;
    double diff = rs - ds;
    return Math.max(0.0, rs + ds - diff * diff);
  }

  /**
   * Standard error 100 sqrt(V / n).
   *
   * @param d detractors
   * @param p passives
   * @param r promoters
   * @return the standard error in points
   */
  public static double standardError(double d, double p, double r) {
    return 100.0 * Math.sqrt(variance(d, p, r) / (d + p + r));
  }

  /**
   * Clamps a value in points into [-100, 100].
   *
   * @param points the value
   * @return the clamped value
   */
  public static double clamp(double points) {
    return Math.max(-100.0, Math.min(100.0, points));
  }

  /**
   * Wald bounds: NPS +/- z SE, clamped.
   *
   * @param d detractors
   * @param p passives
   * @param r promoters
   * @param z critical value
   * @return {low, high}
   */
  public static double[] wald(double d, double p, double r, double z) {
    double centre = nps(d, p, r);
    double half = z * standardError(d, p, r);
    return new double[] {clamp(centre - half), clamp(centre + half)};
  }

  /**
   * Adjusted Wald bounds (Rocks 2016): Wald on D + 3/4, P + 3/2, R + 3/4, clamped.
   *
   * @param d detractors
   * @param p passives
   * @param r promoters
   * @param z critical value
   * @return {low, high}
   */
  public static double[] adjustedWald(double d, double p, double r, double z) {
    return wald(d + ADJUST_OUTER, p + ADJUST_PASSIVE, r + ADJUST_OUTER, z);
  }

  /**
   * Tango (1998) score interval for the difference of the promoter and detractor shares of
   * one multinomial sample. Each bound is the root of Z(delta) = +/-z, found by Brent's method
   * to a bracket below about 2e-15 on the share scale (2e-13 points).
   *
   * @param d detractors
   * @param p passives
   * @param r promoters
   * @param z critical value
   * @return {low, high} in points
   */
  public static double[] tango(double d, double p, double r, double z) {
    double n = d + p + r;
    double estimate = (r - d) / n;
    double low = tangoZ(d, r, n, -1.0) <= z ? -1.0 : solve(d, r, n, z, -1.0, estimate);
    double high = tangoZ(d, r, n, 1.0) >= -z ? 1.0 : solve(d, r, n, -z, estimate, 1.0);
    return new double[] {100.0 * low, 100.0 * high};
  }

  /**
   * Finds delta in [a, b] with Z(delta) = target, where Z is decreasing and Z(a) &gt;= target
   * &gt;= Z(b): Brent's method (R. P. Brent, Algorithms for Minimization without Derivatives,
   * 1973, procedure zero), inverse quadratic or linear interpolation with bisection whenever
   * interpolation would not shrink the bracket fast enough: about 9 evaluations of Z per bound
   * (mean over bounds at n = 5 to 1000) where bisection to the same tolerance needs 50. Z is
   * infinite where its variance vanishes, at delta = -1 and 1: bisection steps come first until
   * both ends are finite (one step in practice), so interpolation never sees an infinity; a
   * bracket that shrinks to the tolerance first is returned by the convergence test.
   */
  private static double solve(double d, double r, double n, double target, double lo, double hi) {
    double a = lo;
    double b = hi;
    double fa = tangoZ(d, r, n, a) - target;
    double fb = tangoZ(d, r, n, b) - target;
    while ((Double.isInfinite(fa) || Double.isInfinite(fb)) && b - a > ROOT_TOLERANCE) {
      double mid = 0.5 * (a + b);
      double fm = tangoZ(d, r, n, mid) - target;
      if (fm > 0.0) {
        a = mid;
        fa = fm;
      } else {
        b = mid;
        fb = fm;
      }
    }
    // Brent's zero: b is the best estimate, c the other end of the bracket, a the previous b.
    double c = a;
    double fc = fa;
    double step = b - a;
    double previousStep = step;
    for (int i = 0; i < 200; i++) {
      if ((fb > 0.0 && fc > 0.0) || (fb < 0.0 && fc < 0.0)) {
        c = a;
        fc = fa;
        step = b - a;
        previousStep = step;
      }
      if (Math.abs(fc) < Math.abs(fb)) {
        a = b;
        b = c;
        c = a;
        fa = fb;
        fb = fc;
        fc = fa;
      }
      double tol = 2.0 * Math.ulp(1.0) * Math.abs(b) + 0.5 * ROOT_TOLERANCE;
      double half = 0.5 * (c - b);
      if (Math.abs(half) <= tol || fb == 0.0) {
        return b;
      }
      if (Math.abs(previousStep) >= tol && Math.abs(fa) > Math.abs(fb)) {
        double s = fb / fa;
        double p;
        double q;
        if (a == c) {
          p = 2.0 * half * s;
          q = 1.0 - s;
        } else {
          double qa = fa / fc;
          double rb = fb / fc;
          p = s * (2.0 * half * qa * (qa - rb) - (b - a) * (rb - 1.0));
          q = (qa - 1.0) * (rb - 1.0) * (s - 1.0);
        }
        if (p > 0.0) {
          q = -q;
        } else {
          p = -p;
        }
        if (2.0 * p < Math.min(3.0 * half * q - Math.abs(tol * q), Math.abs(previousStep * q))) {
          previousStep = step;
          step = p / q;
        } else {
          step = half;
          previousStep = step;
        }
      } else {
        step = half;
        previousStep = step;
      }
      a = b;
      fa = fb;
      b += Math.abs(step) > tol ? step : Math.copySign(tol, half);
      fb = tangoZ(d, r, n, b) - target;
    }
    return b;
  }

  /**
   * Tango's score statistic Z(delta) for the paired difference R/n - D/n.
   *
   * <p>Near the bounds of low-count intervals the discriminant B^2 - 4AC of Tango's quadratic
   * nears 0 (a double root), where a plain double evaluation loses half the digits of its square
   * root (about 1e-8 points on a bound). So B, AC and the discriminant are carried as
   * double-double values (error-free products with {@link Math#fma} and Knuth's two-sum), the
   * square root gets one Newton correction, and q is taken from the cancellation-free form of the
   * quadratic formula ({@code q = 2 D t / (sqrt + B)} when B &gt; 0). With integer counts this is
   * accurate to a few ulps wherever Z is finite.
   *
   * @param d detractors
   * @param r promoters
   * @param n total
   * @param delta the hypothesised difference of shares, in [-1, 1]
   * @return Z(delta); +/-infinity when the variance vanishes with a non-zero numerator
   */
  public static double tangoZ(double d, double r, double n, double delta) {
    // B = k delta + m, with k = 2n - R + D and m = -(D + R): exact product, then a two-sum.
    double k = 2.0 * n - r + d;
    double m = -(d + r);
    double ph = k * delta;
    double pl = Math.fma(k, delta, -ph);
    double bh = ph + m;
    double bl = twoSumError(ph, m, bh) + pl;
    double b = bh + bl;
    bl = bl - (b - bh);
    bh = b;
    // t = delta (1 - delta) = delta - delta^2 as a double-double.
    double sq = delta * delta;
    double sqErr = Math.fma(delta, delta, -sq);
    double th = delta - sq;
    double tl = twoSumError(delta, -sq, th) - sqErr;
    double t = th + tl;
    tl = tl - (t - th);
    th = t;
    // -4AC = 8 n D t (A = 2n, C = -D t).
    double kk = 8.0 * n * d;
    double ach = kk * th;
    double acl = Math.fma(kk, th, -ach) + kk * tl;
    // disc = B^2 - 4AC = B^2 + 8 n D t.
    double b2h = bh * bh;
    double b2l = Math.fma(bh, bh, -b2h) + 2.0 * bh * bl;
    double dh = b2h + ach;
    double dl = twoSumError(b2h, ach, dh) + b2l + acl;
    double disc = dh + dl;
    dl = dl - (disc - dh);
    dh = disc;
    double root = 0.0;
    if (dh > 0.0) {
      root = Math.sqrt(dh);
      root += (Math.fma(-root, root, dh) + dl) / (2.0 * root);
    }
    double q;
    if (bh > 0.0) {
      q = 2.0 * d * t / (root + bh);
    } else {
      q = ((root - bh) - bl) / (4.0 * n);
    }
    double numerator = Math.fma(-n, delta, r - d);
    double var = n * (2.0 * q + t);
    if (var <= 0.0) {
      if (numerator == 0.0) {
        return 0.0;
      }
      return numerator > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
    return numerator / Math.sqrt(var);
  }

  /** The rounding error of {@code sum = a + b} (Knuth's two-sum): a + b = sum + error exactly. */
  private static double twoSumError(double a, double b, double sum) {
    double bVirtual = sum - a;
    double aVirtual = sum - bVirtual;
    return (a - aVirtual) + (b - bVirtual);
  }

}

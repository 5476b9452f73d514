/**
 * Scores, tallies and NPS statistics: counts, shares, standard error, confidence intervals,
 * comparisons, sample sizes, breakdowns and weights; segments against the rest and periods against
 * the previous one with multiplicity-adjusted p-values ({@link org.npskit.core.Contrasts}), one
 * answer per customer ({@link org.npskit.core.PerCustomer}) and the exact coverage of the interval
 * methods ({@link org.npskit.core.ExactCoverage}). All figures are in points (-100..100).
 */
package org.npskit.core;

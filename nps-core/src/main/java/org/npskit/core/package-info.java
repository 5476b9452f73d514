/**
 * Scores, tallies and NPS statistics: counts, shares, standard error, confidence intervals,
 * comparisons, sample sizes, breakdowns and weights. All figures are in points (-100..100).
 */
package org.npskit.core;

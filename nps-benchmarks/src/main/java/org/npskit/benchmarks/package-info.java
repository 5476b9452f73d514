/**
 * JMH benchmarks comparing npskit with what a user would otherwise write, measured in one run and
 * reported as ratios. Run them with {@code nps-benchmarks/run.sh} (see {@code BENCHMARKS.md}).
 *
 * <p>Not published; the classes are public only because JMH's generated code needs them so.
 */
package org.npskit.benchmarks;

/**
 * npskit for Apache Spark: exact, mergeable NPS aggregate functions for Spark SQL and the Dataset
 * API ({@link org.npskit.spark.NpsFunctions}), built on nps-core's tallies.
 */
package org.npskit.spark;

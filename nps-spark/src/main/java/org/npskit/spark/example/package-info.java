/**
 * A runnable example job for {@code spark-submit}; its body is the snippet in nps-spark's README.
 */
package org.npskit.spark.example;

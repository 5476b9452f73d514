/**
 * Runnable examples and the {@code npskit} command-line tool.
 */
package org.npskit.examples;

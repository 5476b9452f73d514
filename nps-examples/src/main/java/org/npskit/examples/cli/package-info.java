/**
 * The {@code npskit} command-line tool: CSV parsing, JSON writing, argument parsing, text layout,
 * SVG rendering and the commands. Not exported; the entry point is {@link
 * org.npskit.examples.NpsKit}.
 */
package org.npskit.examples.cli;

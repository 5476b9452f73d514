/**
 * Implementation helpers of npskit core (normal distribution, Tango score solver, argument
 * checks). Not exported: not part of the public API.
 */
package org.npskit.core.internal;

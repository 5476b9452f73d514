/** Placeholder. */
package org.npskit.spark;

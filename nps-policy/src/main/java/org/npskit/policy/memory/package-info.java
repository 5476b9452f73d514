/**
 * The default in-memory contact history: fast, bounded, for one process. Use a JDBC store to share
 * history between application instances.
 */
package org.npskit.policy.memory;

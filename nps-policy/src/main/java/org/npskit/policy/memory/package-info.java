/**
 * The default in-memory contact history, {@link
 * org.npskit.policy.memory.InMemoryContactHistory}: fast, bounded, for one process. Use a JDBC
 * store to share history between application instances.
 */
package org.npskit.policy.memory;

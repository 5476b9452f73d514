/**
 * Leaf helpers of the policy module: argument checks, the error-message formatter, instant and
 * duration text. Imports nothing from the rest of the module (the API, the rules and the stores
 * import it, never the other way). Not exported; nothing here is API.
 */
package org.npskit.policy.internal;

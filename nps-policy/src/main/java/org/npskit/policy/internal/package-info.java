/**
 * Implementation of the policy: rule evaluation, sticky hashing, category matching, value
 * parsing. Not exported; nothing here is API.
 */
package org.npskit.policy.internal;

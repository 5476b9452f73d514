/**
 * Survey eligibility: purchases, policies, decisions and their reasons.
 */
package org.npskit.policy;

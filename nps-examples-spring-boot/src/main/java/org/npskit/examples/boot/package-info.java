/**
 * A sample shop back end on the npskit Spring Boot starter: {@code POST /deliveries} answers
 * whether a delivered order triggers a survey, with the policy, store, metrics and health all
 * from the starter and {@code application.yml}.
 */
package org.npskit.examples.boot;

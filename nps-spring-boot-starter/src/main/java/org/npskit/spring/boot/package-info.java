/**
 * Spring Boot auto-configuration of npskit: a {@link org.npskit.policy.SurveyPolicy} bound from
 * {@code nps.policy.*}, a {@link org.npskit.policy.spi.ContactHistory} selected by
 * {@code npskit.store.*}, a {@link org.npskit.policy.SurveyGate}, Micrometer metrics and an
 * actuator health contributor. Every bean backs off when the application defines its own.
 */
package org.npskit.spring.boot;

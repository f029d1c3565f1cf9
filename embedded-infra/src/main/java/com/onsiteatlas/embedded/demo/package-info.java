/**
 * Demo data with fixed ids: one conference, five registrations and three staff users,
 * published to Kafka as the domain events ONSITE ATLAS would publish, plus tokens shaped
 * exactly like the ones ONSITE ATLAS issues, so the suite can be tried right after
 * {@code bin/atlas up}.
 */
package com.onsiteatlas.embedded.demo;

package com.onsiteatlas.support.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a service's test context at the per-JVM embedded MongoDB-wire server and the
 * global embedded Kafka broker ({@code spring.kafka.global.embedded.enabled=true} in
 * {@code junit-platform.properties}).
 */
public final class ServiceTestProperties {

	private ServiceTestProperties() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.data.mongodb.uri", EmbeddedMongo::uri);
		registry.add("spring.kafka.bootstrap-servers", ServiceTestProperties::kafkaBrokers);
		registry.add("eureka.client.enabled", () -> "false");
		// Tests run with the repository's development secrets (docs/security.md, item 6).
		registry.add("atlas.dev-defaults.allowed", () -> "true");
		registry.add("atlas.messaging.outbox-poll-interval", () -> "100ms");
		registry.add("atlas.messaging.retry-initial-interval", () -> "50ms");
		registry.add("atlas.messaging.retry-max-interval", () -> "200ms");
		registry.add("atlas.messaging.retry-max-attempts", () -> "3");
	}

	public static String kafkaBrokers() {
		String brokers = System.getProperty("spring.embedded.kafka.brokers");
		if (brokers == null) {
			throw new IllegalStateException("No embedded Kafka broker: add spring.kafka.global.embedded.enabled=true"
					+ " to src/test/resources/junit-platform.properties");
		}
		return brokers;
	}

}

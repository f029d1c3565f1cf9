package com.onsiteatlas.domainevents;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The Kafka client settings of a principal of {@link KafkaAcls}, from the environment
 * every producer and consumer of the platform reads: {@code KAFKA_SECURITY_PROTOCOL}
 * ({@code PLAINTEXT} when unset: the embedded suite and the tests),
 * {@code KAFKA_SASL_MECHANISM} ({@code SCRAM-SHA-512} when unset),
 * {@code KAFKA_SASL_USERNAME} and {@code KAFKA_SASL_PASSWORD}. The services
 * (service-support) and legacy-import use it; the Node client reads the same variables.
 */
public final class KafkaClientSecurity {

	/** The protocol variable. */
	public static final String PROTOCOL = "KAFKA_SECURITY_PROTOCOL";

	/** The SASL mechanism variable. */
	public static final String MECHANISM = "KAFKA_SASL_MECHANISM";

	/** The SASL user variable. */
	public static final String USERNAME = "KAFKA_SASL_USERNAME";

	/** The SASL password variable. */
	public static final String PASSWORD = "KAFKA_SASL_PASSWORD";

	private KafkaClientSecurity() {
	}

	/**
	 * Kafka client properties ({@code security.protocol}, and for a SASL protocol
	 * {@code sasl.mechanism} and {@code sasl.jaas.config}).
	 * @param environment variable name to value (null or blank when unset)
	 * @return the properties; only {@code security.protocol=PLAINTEXT} when nothing is
	 * set
	 * @throws IllegalStateException when a SASL protocol lacks its user or password, or
	 * the mechanism is not SCRAM or PLAIN
	 */
	public static Map<String, String> properties(Function<String, String> environment) {
		String protocol = valueOr(environment.apply(PROTOCOL), "PLAINTEXT").toUpperCase(Locale.ROOT);
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("security.protocol", protocol);
		if (!protocol.startsWith("SASL_")) {
			return properties;
		}
		String mechanism = valueOr(environment.apply(MECHANISM), "SCRAM-SHA-512").toUpperCase(Locale.ROOT);
		String user = environment.apply(USERNAME);
		String password = environment.apply(PASSWORD);
		if (isBlank(user) || isBlank(password)) {
			throw new IllegalStateException(PROTOCOL + "=" + protocol + " needs " + USERNAME + " and " + PASSWORD
					+ " (docs/deployment.md, \"Kafka authentication\")");
		}
		properties.put("sasl.mechanism", mechanism);
		properties.put("sasl.jaas.config", loginModule(mechanism) + " required username=\"" + quoted(user)
				+ "\" password=\"" + quoted(password) + "\";");
		return properties;
	}

	private static String loginModule(String mechanism) {
		if (mechanism.startsWith("SCRAM-SHA-")) {
			return "org.apache.kafka.common.security.scram.ScramLoginModule";
		}
		if (mechanism.equals("PLAIN")) {
			return "org.apache.kafka.common.security.plain.PlainLoginModule";
		}
		throw new IllegalStateException(MECHANISM + "=" + mechanism + " is not supported: use SCRAM-SHA-512, "
				+ "SCRAM-SHA-256 or PLAIN (or spring.kafka.properties.sasl.* directly)");
	}

	private static String quoted(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static String valueOr(String value, String fallback) {
		return isBlank(value) ? fallback : value.trim();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}

package com.onsiteatlas.domainevents;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KafkaClientSecurityTests {

	@Test
	void withoutSettingsClientsStayOnPlaintext() {
		assertThat(KafkaClientSecurity.properties(Map.<String, String>of()::get))
			.containsExactly(Map.entry("security.protocol", "PLAINTEXT"));
	}

	@Test
	void saslSignsInWithScramAsTheGivenUser() {
		Map<String, String> properties = KafkaClientSecurity
			.properties(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "KAFKA_SASL_USERNAME",
					"notification-service", "KAFKA_SASL_PASSWORD", "pa\"ss\\word")::get);
		assertThat(properties).containsEntry("security.protocol", "SASL_PLAINTEXT")
			.containsEntry("sasl.mechanism", "SCRAM-SHA-512")
			.containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
					+ "username=\"notification-service\" password=\"pa\\\"ss\\\\word\";");
	}

	@Test
	void plainUsesItsOwnLoginModule() {
		assertThat(KafkaClientSecurity.properties(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_MECHANISM",
				"PLAIN", "KAFKA_SASL_USERNAME", "u", "KAFKA_SASL_PASSWORD", "p")::get))
			.containsEntry("sasl.jaas.config",
					"org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";");
	}

	@Test
	void saslWithoutCredentialsOrWithAnUnknownMechanismIsRefusedClearly() {
		assertThatIllegalStateException()
			.isThrownBy(() -> KafkaClientSecurity
				.properties(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_USERNAME", "u")::get))
			.withMessageContaining("KAFKA_SASL_PASSWORD");
		assertThatIllegalStateException()
			.isThrownBy(() -> KafkaClientSecurity.properties(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
					"KAFKA_SASL_MECHANISM", "GSSAPI", "KAFKA_SASL_USERNAME", "u", "KAFKA_SASL_PASSWORD", "p")::get))
			.withMessageContaining("GSSAPI");
	}

}

package com.onsiteatlas.support;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' Kafka clients (producer, consumer, admin) sign in with what
 * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_*} say, and stay on PLAINTEXT
 * without them.
 */
class KafkaClientSecurityDefaultsTests {

	@Test
	void saslVariablesReachEveryKafkaClient() {
		KafkaProperties kafka = kafka(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "KAFKA_SASL_MECHANISM",
				"SCRAM-SHA-512", "KAFKA_SASL_USERNAME", "reporting-service", "KAFKA_SASL_PASSWORD", "secret"));
		for (Map<String, Object> client : new Map[] { kafka.buildProducerProperties(null),
				kafka.buildConsumerProperties(null), kafka.buildAdminProperties(null) }) {
			assertThat(client).containsEntry("security.protocol", "SASL_PLAINTEXT")
				.containsEntry("sasl.mechanism", "SCRAM-SHA-512")
				.containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
						+ " username=\"reporting-service\" password=\"secret\";");
		}
	}

	@Test
	void withoutThemTheClientsStayOnPlaintextWithNoSaslSetting() {
		Map<String, Object> producer = kafka(Map.of()).buildProducerProperties(null);
		assertThat(producer).containsEntry("security.protocol", "PLAINTEXT")
			.doesNotContainKeys("sasl.mechanism", "sasl.jaas.config");
	}

	@Test
	void anExplicitJaasSettingWinsOverTheVariables() {
		Map<String, String> environment = new HashMap<>(
				Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_USERNAME", "u", "KAFKA_SASL_PASSWORD", "p"));
		environment.put("spring.kafka.properties.sasl.jaas.config", "custom");
		assertThat(kafka(environment).buildAdminProperties(null)).containsEntry("sasl.jaas.config", "custom");
	}

	private static KafkaProperties kafka(Map<String, String> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> values = new HashMap<>(variables);
		values.put("spring.application.name", "reporting-service");
		environment.getPropertySources().addFirst(new MapPropertySource("test", values));
		new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication());
		return Binder.get(environment).bind("spring.kafka", Bindable.ofInstance(new KafkaProperties())).get();
	}

}

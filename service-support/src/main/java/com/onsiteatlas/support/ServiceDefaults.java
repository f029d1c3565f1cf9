package com.onsiteatlas.support;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import com.onsiteatlas.domainevents.KafkaClientSecurity;

/**
 * Adds the settings every business service shares
 * ({@code atlas-service-defaults.properties}) with the lowest precedence, so a service's
 * own {@code application.yml} and the environment override them. Above them, the Kafka
 * client security of {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM},
 * {@code KAFKA_SASL_USERNAME} and {@code KAFKA_SASL_PASSWORD}
 * ({@link KafkaClientSecurity}) as {@code spring.kafka.properties.*}, for the producer,
 * the consumer and the admin client alike; nothing SASL is set while the protocol is
 * PLAINTEXT (the embedded suite, tests).
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

	static final String RESOURCE = "atlas-service-defaults.properties";

	static final String KAFKA_SECURITY = "atlasKafkaSecurity";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			for (PropertySource<?> source : new PropertiesPropertySourceLoader().load("atlasServiceDefaults",
					new ClassPathResource(RESOURCE))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + RESOURCE, ex);
		}
		Map<String, Object> kafka = new LinkedHashMap<>();
		KafkaClientSecurity.properties(environment::getProperty)
			.forEach((key, value) -> kafka.put("spring.kafka.properties." + key, value));
		environment.getPropertySources().addLast(new MapPropertySource(KAFKA_SECURITY, kafka));
	}

}

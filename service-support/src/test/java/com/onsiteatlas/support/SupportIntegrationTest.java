package com.onsiteatlas.support;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.onsiteatlas.support.testapp.SupportTestApplication;
import com.onsiteatlas.support.testing.ServiceTestProperties;

/**
 * One Spring context for every support test: the test service against the embedded broker
 * and MongoDB-wire server, with the Prometheus endpoint that tests otherwise switch off.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=support-test", "spring.data.mongodb.database=support-tests",
				"spring.codec.max-in-memory-size=64KB",
				"atlas.security.metrics-password=" + SupportIntegrationTest.METRICS_PASSWORD })
public abstract class SupportIntegrationTest {

	/** The scraper's password the test service runs with (user: the default, metrics). */
	protected static final String METRICS_PASSWORD = "test-metrics-password";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry);
	}

}

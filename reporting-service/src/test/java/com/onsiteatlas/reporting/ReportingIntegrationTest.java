package com.onsiteatlas.reporting;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.onsiteatlas.support.testing.ServiceTestProperties;

/**
 * The one Spring context of this service's integration tests: real embedded Kafka broker
 * and MongoDB-wire server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.data.mongodb.database=atlas_reporting_test")
public abstract class ReportingIntegrationTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry);
	}

}

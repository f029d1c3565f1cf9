package com.onsiteatlas.readmodel;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.onsiteatlas.readmodel.testapp.ReadModelTestApplication;
import com.onsiteatlas.support.testing.ServiceTestProperties;

/**
 * One Spring context for every read-model test: both projections on, against the embedded
 * broker and MongoDB-wire server.
 */
@SpringBootTest(classes = ReadModelTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=read-model-test", "spring.data.mongodb.database=read-model-tests",
				"atlas.projections.registrations=true", "atlas.projections.conferences=true" })
abstract class ReadModelIntegrationTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry);
	}

}

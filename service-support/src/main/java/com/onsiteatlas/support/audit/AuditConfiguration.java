package com.onsiteatlas.support.audit;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The audit log of every service, in the service's own database.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration")
public class AuditConfiguration {

	@Bean
	AuditLog auditLog(ReactiveMongoTemplate mongo, Clock clock) {
		return new AuditLog(mongo, clock);
	}

	@Bean
	AuditTrailResponses auditTrailResponses(AuditLog log) {
		return new AuditTrailResponses(log);
	}

}

package com.onsiteatlas.readmodel;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.domain.Sort;

/**
 * Registers the projections a service asked for, with their indexes. Each is a
 * {@link com.onsiteatlas.support.messaging.DomainEventBatchHandler} bean, which the
 * consumer subscribes by itself.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration")
public class ProjectionConfiguration {

	@Bean
	Directory directory(ReactiveMongoTemplate mongo) {
		return new Directory(mongo);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "atlas.projections.registrations", havingValue = "true")
	static class Registrations {

		@Bean
		RegistrationProjection registrationProjection(ReactiveMongoTemplate mongo) {
			mongo.indexOps(RegistrationView.COLLECTION)
				.ensureIndex(new Index().on("eventId", Sort.Direction.ASC).on("registrationId", Sort.Direction.ASC))
				.onErrorResume((ex) -> reactor.core.publisher.Mono.empty())
				.subscribe();
			return new RegistrationProjection(mongo);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "atlas.projections.conferences", havingValue = "true")
	static class Conferences {

		@Bean
		ConferenceProjection conferenceProjection(ReactiveMongoTemplate mongo) {
			return new ConferenceProjection(mongo);
		}

	}

}

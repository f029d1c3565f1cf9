package com.onsiteatlas.support.retention;

import java.time.Clock;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.onsiteatlas.domainevents.conference.EventDeleted;
import com.onsiteatlas.support.messaging.DomainEventHandler;
import com.onsiteatlas.support.messaging.DomainEventHandlers;

/**
 * Soft deletion for every service: event-deleted records a tombstone, the API of a
 * deleted conference answers 410, an admin may restore it, and the purge pass runs the
 * service's {@link ConferencePurge} beans after
 * {@code atlas.retention.deleted-conference}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration")
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionConfiguration {

	/** The tombstone is idempotent (first deletion wins), so no bookkeeping is needed. */
	private static final boolean DEDUPLICATE = false;

	@Bean
	DeletedConferences deletedConferences(ReactiveMongoTemplate mongo, Clock clock, RetentionProperties properties) {
		return new DeletedConferences(mongo, clock, properties.deletedConference());
	}

	@Bean
	DomainEventHandlers conferenceRetentionHandlers(DeletedConferences deleted) {
		return new DomainEventHandlers(List.of(DomainEventHandler.of("ConferenceRetention", EventDeleted.class,
				DEDUPLICATE, (envelope) -> deleted.markDeleted(envelope.data().eventId()).then())));
	}

	@Bean
	ConferencePurgeWorker conferencePurgeWorker(DeletedConferences deleted, ObjectProvider<ConferencePurge> purges,
			RetentionProperties properties) {
		return new ConferencePurgeWorker(deleted, purges.orderedStream().toList(), properties);
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	DeletedConferenceFilter deletedConferenceFilter(DeletedConferences deleted) {
		return new DeletedConferenceFilter(deleted);
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	ConferenceRetentionController conferenceRetentionController(DeletedConferences deleted) {
		return new ConferenceRetentionController(deleted);
	}

}

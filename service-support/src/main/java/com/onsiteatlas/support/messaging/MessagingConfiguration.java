package com.onsiteatlas.support.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

import com.onsiteatlas.domainevents.EventCodec;

/**
 * Wires the outbox relay, the domain event consumer, its retry/dead-letter policy and the
 * topics ({@link DomainTopicsConfiguration}).
 */
@AutoConfiguration(afterName = { "org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration",
		"org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration" })
@EnableConfigurationProperties(MessagingProperties.class)
@Import(DomainTopicsConfiguration.class)
public class MessagingConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EventCodec eventCodec() {
		return new EventCodec();
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler domainEventErrorHandler(KafkaTemplate<?, ?> template, MessagingProperties properties) {
		return DomainEventRetries.errorHandler(template, properties);
	}

	@Bean
	ProcessedEvents processedEvents(ReactiveMongoTemplate mongo, Clock clock) {
		return new ProcessedEvents(mongo, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	SourcePolicy sourcePolicy(@Value("${atlas.messaging.extra-sources:}") List<String> extraSources,
			ObjectProvider<MeterRegistry> meters) {
		SourcePolicy policy = new SourcePolicy(extraSources.stream().filter((s) -> !s.isBlank()).toList());
		meters.ifAvailable(
				(registry) -> Gauge.builder("atlas.messaging.refused.sources", policy, SourcePolicy::refusedCount)
					.description("Domain events refused because their source may not publish on their topic")
					.register(registry));
		return policy;
	}

	@Bean
	@SuppressWarnings("unchecked")
	DomainEventConsumer domainEventConsumer(ConcurrentKafkaListenerContainerFactory<?, ?> factory,
			ObjectProvider<DomainEventHandler<?>> handlers, ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<DomainEventHandlers> groups, ObjectProvider<DomainEventBatchHandler> batchHandlers,
			ProcessedEvents processed, EventCodec codec, MessagingProperties properties, SourcePolicy sources) {
		List<DomainEventHandler<?>> all = new ArrayList<>(handlers.orderedStream().toList());
		// Listener methods before the groups: the services' reactions were groups of
		// component-scanned beans, which came before the projections' groups, and
		// handlers of one payload type keep that order.
		all.addAll(DomainEventListeners.find(beanFactory));
		groups.orderedStream().forEach((group) -> all.addAll(group.handlers()));
		batchHandlers.orderedStream().forEach((batch) -> all.addAll(batch.handlers()));
		return new DomainEventConsumer((ConcurrentKafkaListenerContainerFactory<Object, Object>) factory, all,
				processed, codec, properties, sources);
	}

	@Bean
	@ConditionalOnMissingBean
	@SuppressWarnings("unchecked")
	OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<?, ?> kafka,
			ObjectProvider<OutboxCollections> collections, MessagingProperties properties, Clock clock) {
		List<String> names = collections.orderedStream().flatMap((c) -> c.names().stream()).distinct().toList();
		return new OutboxRelay(mongo, (KafkaTemplate<String, byte[]>) kafka, names, properties, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	Outbox outbox(@Value("${spring.application.name}") String applicationName, EventCodec codec, OutboxRelay relay,
			Clock clock) {
		return new Outbox("/onsite-atlas/" + applicationName, codec, relay, clock);
	}

}

package com.onsiteatlas.support.messaging;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventCatalog;
import com.onsiteatlas.domainevents.EventCodec;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.InvalidEventException;
import com.onsiteatlas.support.correlation.CorrelationId;
import com.onsiteatlas.support.worker.PeriodicWorker;

/**
 * The one Kafka consumer of a service. It subscribes to the topics of the registered
 * {@link DomainEventHandler}s and, for each record: decodes the envelope (unknown types
 * are skipped, malformed messages and unknown versions go straight to the dead-letter
 * topic), then runs every handler of the payload type once per envelope id.
 * <p>
 * Records are handled one at a time on the listener thread, waiting for each handler's
 * result: this keeps the order of events per aggregate (per partition) that projections
 * rely on. The listener thread is a dedicated Kafka container thread, not a request or
 * event-loop thread. Failures are retried with exponential backoff by the container's
 * error handler and then dead-lettered to {@code <topic>.DLT}.
 */
public class DomainEventConsumer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DomainEventConsumer.class);

	private final ConcurrentKafkaListenerContainerFactory<Object, Object> factory;

	private final Map<Class<?>, List<DomainEventHandler<?>>> handlers = new LinkedHashMap<>();

	private final ProcessedEvents processed;

	private final EventCodec codec;

	private final MessagingProperties properties;

	private volatile ConcurrentMessageListenerContainer<Object, Object> container;

	private final PeriodicWorker purge;

	public DomainEventConsumer(ConcurrentKafkaListenerContainerFactory<Object, Object> factory,
			List<DomainEventHandler<?>> handlers, ProcessedEvents processed, EventCodec codec,
			MessagingProperties properties) {
		this.factory = factory;
		for (DomainEventHandler<?> handler : handlers) {
			this.handlers.computeIfAbsent(handler.payloadType(), (type) -> new java.util.ArrayList<>()).add(handler);
		}
		this.processed = processed;
		this.codec = codec;
		this.properties = properties;
		// Runs while the consumer runs: forgets the processed ids older than the
		// retention.
		this.purge = new PeriodicWorker("processed-events-purge",
				PeriodicWorker.Schedule.of(Duration.ofMinutes(5), Duration.ofHours(1)),
				() -> processed.purgeExpired(properties.processedRetention()).thenReturn(false));
	}

	/**
	 * The topics this service consumes.
	 * @return topic names
	 */
	public List<String> topics() {
		return this.handlers.keySet()
			.stream()
			.map((type) -> EventCatalog.standard().forPayload(type).topic())
			.distinct()
			.sorted()
			.toList();
	}

	void onRecord(ConsumerRecord<?, byte[]> record) {
		EventEnvelope<DomainEventPayload> envelope;
		try {
			envelope = this.codec.decode(record.value());
		}
		catch (InvalidEventException ex) {
			if (!ex.isPoison()) {
				logger.debug("Skipping {} at {}-{}@{}: {}", record.key(), record.topic(), record.partition(),
						record.offset(), ex.getMessage());
				return;
			}
			logger.warn("Poison message at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.getMessage());
			throw ex;
		}
		List<DomainEventHandler<?>> matching = this.handlers.getOrDefault(envelope.data().getClass(), List.of());
		if (matching.isEmpty()) {
			return;
		}
		if (envelope.correlationid() != null) {
			MDC.put(CorrelationId.KEY, envelope.correlationid());
		}
		try {
			for (DomainEventHandler<?> handler : matching) {
				handle(handler, envelope);
			}
		}
		finally {
			MDC.remove(CorrelationId.KEY);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void handle(DomainEventHandler handler, EventEnvelope<DomainEventPayload> envelope) {
		Duration timeout = this.properties.handlerTimeout();
		String correlationId = envelope.correlationid();
		Mono<Boolean> run = handler.deduplicate()
				? this.processed.runOnce(handler.handlerName(), envelope.id(), () -> (Mono<Void>) handler.on(envelope))
				: ((Mono<Void>) handler.on(envelope)).thenReturn(true);
		if (correlationId != null) {
			run = run.contextWrite(Context.of(CorrelationId.KEY, correlationId));
		}
		run.block(timeout);
	}

	@Override
	@SuppressWarnings("unchecked")
	public void start() {
		if (this.container != null || this.handlers.isEmpty()) {
			return;
		}
		List<String> topics = topics();
		ConcurrentMessageListenerContainer<Object, Object> created = this.factory
			.createContainer(topics.toArray(String[]::new));
		created.setupMessageListener((MessageListener<Object, byte[]>) (record) -> onRecord(
				(ConsumerRecord<?, byte[]>) (ConsumerRecord<?, ?>) record));
		created.setBeanName("atlasDomainEventConsumer");
		created.start();
		this.container = created;
		this.purge.start();
		logger.info("Consuming {} with {} handler(s)", topics,
				this.handlers.values().stream().mapToInt(List::size).sum());
	}

	@Override
	public void stop() {
		ConcurrentMessageListenerContainer<Object, Object> current = this.container;
		this.container = null;
		if (current != null) {
			current.stop();
		}
		this.purge.stop();
	}

	@Override
	public boolean isRunning() {
		return this.container != null;
	}

	/**
	 * The running container, for health checks and tests.
	 * @return the container or null
	 */
	public ConcurrentMessageListenerContainer<Object, Object> container() {
		return this.container;
	}

}

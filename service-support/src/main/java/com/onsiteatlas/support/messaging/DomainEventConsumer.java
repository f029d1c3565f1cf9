package com.onsiteatlas.support.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.BatchMessageListener;

import com.onsiteatlas.domainevents.EventCatalog;
import com.onsiteatlas.domainevents.EventCodec;
import com.onsiteatlas.support.worker.PeriodicWorker;

/**
 * The one Kafka consumer of a service. It subscribes to the topics of the registered
 * {@link DomainEventHandler}s and, for each record: decodes the envelope (unknown types
 * are skipped, malformed messages and unknown versions go straight to the dead-letter
 * topic), then runs every handler of the payload type once per envelope id.
 * <p>
 * Records arrive as the batches the Kafka consumer polls ({@link DomainEventBatches}):
 * the records of one aggregate (one key) are handled one after the other, in offset
 * order, which projections rely on; different aggregates run at the same time, up to
 * {@code atlas.messaging.batch-concurrency}. The offsets of a batch are committed once it
 * is handled. Failures are retried per record with exponential backoff by the container's
 * error handler and then dead-lettered to {@code <topic>.DLT}
 * ({@link DomainEventRetries}).
 */
public class DomainEventConsumer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DomainEventConsumer.class);

	private final ConcurrentKafkaListenerContainerFactory<Object, Object> factory;

	private final Map<Class<?>, List<DomainEventHandler<?>>> handlers = new LinkedHashMap<>();

	private final DomainEventBatches batches;

	private volatile ConcurrentMessageListenerContainer<Object, Object> container;

	private final PeriodicWorker purge;

	public DomainEventConsumer(ConcurrentKafkaListenerContainerFactory<Object, Object> factory,
			List<DomainEventHandler<?>> handlers, ProcessedEvents processed, EventCodec codec,
			MessagingProperties properties) {
		this(factory, handlers, processed, codec, properties, SourcePolicy.standard());
	}

	/**
	 * A consumer that refuses records whose source the policy does not allow on their
	 * topic (they are skipped, logged and counted, never handled).
	 * @param factory the container factory
	 * @param handlers the handlers
	 * @param processed the processed envelope ids
	 * @param codec the codec
	 * @param properties the settings
	 * @param sources the allowed producers per topic
	 */
	public DomainEventConsumer(ConcurrentKafkaListenerContainerFactory<Object, Object> factory,
			List<DomainEventHandler<?>> handlers, ProcessedEvents processed, EventCodec codec,
			MessagingProperties properties, SourcePolicy sources) {
		this.factory = factory;
		for (DomainEventHandler<?> handler : handlers) {
			this.handlers.computeIfAbsent(handler.payloadType(), (type) -> new ArrayList<>()).add(handler);
		}
		this.batches = new DomainEventBatches(this.handlers, processed, codec, properties, sources);
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

	@Override
	@SuppressWarnings("unchecked")
	public void start() {
		if (this.container != null || this.handlers.isEmpty()) {
			return;
		}
		List<String> topics = topics();
		ConcurrentMessageListenerContainer<Object, Object> created = this.factory
			.createContainer(topics.toArray(String[]::new));
		created.setupMessageListener((BatchMessageListener<Object, byte[]>) (records) -> this.batches
			.handle((List<ConsumerRecord<?, byte[]>>) (List<?>) records));
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

package com.onsiteatlas.legacyimport.publish;

import com.onsiteatlas.domainevents.EventEnvelope;

/**
 * Where mapped events go: Kafka, or nowhere in a dry run.
 */
public interface EventSink extends AutoCloseable {

	/**
	 * Sends one encoded envelope; may return before the broker acknowledged it.
	 * @param envelope the envelope (topic, key, id, type)
	 * @param encoded its encoded value
	 */
	void send(EventEnvelope<?> envelope, byte[] encoded);

	/**
	 * Waits until everything sent so far is acknowledged; a checkpoint is only written
	 * after this returned.
	 * @throws PublishFailedException when a send failed
	 */
	void flush();

	@Override
	void close();

	/**
	 * The sink of a dry run: counts, publishes nothing.
	 * @return a sink that drops every event
	 */
	static EventSink discarding() {
		return new EventSink() {

			@Override
			public void send(EventEnvelope<?> envelope, byte[] encoded) {
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		};
	}

}

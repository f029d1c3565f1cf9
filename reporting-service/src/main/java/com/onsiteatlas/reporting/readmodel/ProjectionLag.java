package com.onsiteatlas.reporting.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * How far behind the read model is, per topic: now minus the time of the newest applied
 * domain event. Exposed as the gauge {@code atlas.reporting.projection.lag} (seconds, tag
 * {@code topic}) and by {@link ProjectionStatusController}.
 */
@Component
public class ProjectionLag {

	private final Map<String, Instant> lastApplied = new ConcurrentHashMap<>();

	private final Map<String, Long> applied = new ConcurrentHashMap<>();

	private final MeterRegistry registry;

	private final Clock clock;

	ProjectionLag(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	void applied(String topic, Instant eventTime) {
		// The newest event time, not the last one: a redelivered or late old event does
		// not mean that the read model fell behind.
		Instant before = this.lastApplied.get(topic);
		this.lastApplied.merge(topic, eventTime, (old, applied) -> applied.isAfter(old) ? applied : old);
		if (before == null) {
			Gauge.builder("atlas.reporting.projection.lag", this, (lag) -> lag.lagSeconds(topic))
				.tag("topic", topic)
				.baseUnit("seconds")
				.description("Now minus the time of the last domain event applied to the reporting read model")
				.register(this.registry);
		}
		this.applied.merge(topic, 1L, Long::sum);
	}

	double lagSeconds(String topic) {
		Instant last = this.lastApplied.get(topic);
		return (last != null) ? Duration.between(last, this.clock.instant()).toMillis() / 1000.0 : Double.NaN;
	}

	/**
	 * The state of each topic seen since start, or with records not yet consumed.
	 * @param recordsBehind records behind per topic (see {@link ConsumerOffsets}); empty
	 * when unknown
	 * @return topic to status
	 */
	public Map<String, TopicStatus> status(Map<String, Long> recordsBehind) {
		Map<String, TopicStatus> status = new TreeMap<>();
		this.lastApplied.forEach((topic, last) -> status.put(topic, new TopicStatus(last, lagSeconds(topic),
				this.applied.getOrDefault(topic, 0L), recordsBehind.get(topic))));
		recordsBehind.forEach((topic, behind) -> status.putIfAbsent(topic, new TopicStatus(null, null, 0, behind)));
		return status;
	}

	/**
	 * Status of one topic.
	 *
	 * @param lastEventTime time of the newest applied domain event, null when none was
	 * applied since start
	 * @param lagSeconds now minus that time
	 * @param appliedSinceStart domain events applied by this instance
	 * @param recordsBehind records of the topic the consumer group has not committed yet,
	 * null when unknown
	 */
	public record TopicStatus(Instant lastEventTime, Double lagSeconds, long appliedSinceStart, Long recordsBehind) {
	}

}

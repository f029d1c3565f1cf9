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
 * How far behind the read model is, per topic: now minus the time of the last applied
 * domain event. Exposed as the gauge {@code atlas.reporting.projection.lag} (seconds, tag
 * {@code topic}) and by {@link ProjectionStatusController}.
 */
@Component
public class ProjectionLag {

	private final Map<String, Instant> lastApplied = new ConcurrentHashMap<>();

	private final Map<String, Long> applied = new ConcurrentHashMap<>();

	private final MeterRegistry registry;

	private final Clock clock;

	ProjectionLag(MeterRegistry registry) {
		this.registry = registry;
		this.clock = Clock.systemUTC();
	}

	void applied(String topic, Instant eventTime) {
		if (this.lastApplied.put(topic, eventTime) == null) {
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
	 * The state of each topic seen since start.
	 * @return topic to status
	 */
	public Map<String, TopicStatus> status() {
		Map<String, TopicStatus> status = new TreeMap<>();
		this.lastApplied.forEach((topic, last) -> status.put(topic,
				new TopicStatus(last, lagSeconds(topic), this.applied.getOrDefault(topic, 0L))));
		return status;
	}

	/**
	 * Status of one topic.
	 *
	 * @param lastEventTime time of the last applied domain event
	 * @param lagSeconds now minus that time
	 * @param appliedSinceStart domain events applied by this instance
	 */
	public record TopicStatus(Instant lastEventTime, double lagSeconds, long appliedSinceStart) {
	}

}

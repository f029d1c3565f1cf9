package com.onsiteatlas.support.messaging;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.KafkaAcls;
import com.onsiteatlas.domainevents.Topics;

/**
 * Which producers may publish on which topic, as docs/events.md lists them and
 * {@link KafkaAcls} grants them on the broker: ONSITE ATLAS's topics carry
 * {@code /onsite-atlas/<topic suffix>} (for example {@code /onsite-atlas/events} on
 * {@code atlas.events}); a topic a service produces in {@link KafkaAcls} carries
 * {@code /onsite-atlas/<service>} (what {@link Outbox} writes) or the older
 * {@code /<service>} of the golden samples. A record from any other source is refused by
 * the consumer before a handler sees it, so a forged {@code event-deleted} published by
 * another service, or by a client that names itself after one, changes nothing.
 * <p>
 * This is a check of what the producer claims; it becomes a check of who the producer is
 * once the broker authenticates producers and restricts each to its own topics (ACLs).
 */
public class SourcePolicy {

	private static final Logger logger = LoggerFactory.getLogger(SourcePolicy.class);

	// Read from the broker's ACL table, so the check of what a producer claims and the
	// broker's check of who it is cannot drift apart.
	private static final Map<String, Set<String>> SERVICE_SOURCES = serviceSources();

	private final Set<String> extraSources;

	private final AtomicLong refused = new AtomicLong();

	/**
	 * A policy.
	 * @param extraSources sources accepted on every topic besides the producers'
	 * ({@code atlas.messaging.extra-sources}; empty in production)
	 */
	public SourcePolicy(List<String> extraSources) {
		this.extraSources = Set.copyOf(extraSources);
	}

	/**
	 * The policy of docs/events.md with no extra source.
	 * @return the policy
	 */
	public static SourcePolicy standard() {
		return new SourcePolicy(List.of());
	}

	/**
	 * The sources a topic accepts.
	 * @param topic the topic (a dead-letter topic counts as its source topic)
	 * @return the allowed sources
	 */
	public Set<String> allowed(String topic) {
		String base = topic.endsWith(Topics.DEAD_LETTER_SUFFIX)
				? topic.substring(0, topic.length() - Topics.DEAD_LETTER_SUFFIX.length()) : topic;
		Set<String> services = SERVICE_SOURCES.get(base);
		return (services != null) ? services : Set.of("/onsite-atlas/" + base.substring(base.indexOf('.') + 1));
	}

	/**
	 * The sources of the topics a service principal of {@link KafkaAcls} produces: the
	 * principal's user is the service's name.
	 */
	private static Map<String, Set<String>> serviceSources() {
		return Map.copyOf(KafkaAcls.all()
			.stream()
			.filter((principal) -> !principal.user().equals(KafkaAcls.ONSITE_ATLAS))
			.flatMap((principal) -> principal.produces().stream().map((topic) -> Map.entry(topic, principal.user())))
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.flatMapping(
							(produced) -> Stream.of("/onsite-atlas/" + produced.getValue(), "/" + produced.getValue()),
							Collectors.toUnmodifiableSet()))));
	}

	/**
	 * Whether the envelope may be applied; logs and counts a refusal.
	 * @param topic the topic it was read from
	 * @param envelope the decoded envelope
	 * @return true when its source is allowed on the topic
	 */
	public boolean accepts(String topic, EventEnvelope<?> envelope) {
		String source = envelope.source();
		if (source != null && (this.extraSources.contains(source) || allowed(topic).contains(source))) {
			return true;
		}
		this.refused.incrementAndGet();
		logger.warn("Refusing {} {} on {}: source '{}' is not a producer of that topic (allowed: {})", envelope.type(),
				envelope.id(), topic, source, allowed(topic));
		return false;
	}

	/**
	 * How many envelopes were refused since start, for the metric.
	 * @return the count
	 */
	public long refusedCount() {
		return this.refused.get();
	}

}

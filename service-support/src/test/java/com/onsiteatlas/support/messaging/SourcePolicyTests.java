package com.onsiteatlas.support.messaging;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.KafkaAcls;
import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.domainevents.conference.EventDeleted;

import static org.assertj.core.api.Assertions.assertThat;

class SourcePolicyTests {

	private static final EventDeleted DELETED = new EventDeleted("65f0a0000000000000000001", "Cardio 2026",
			Instant.EPOCH, "u-1");

	private static EventEnvelope<EventDeleted> from(String source) {
		return EventEnvelope.wrap(DELETED, source, DELETED.eventId(), null);
	}

	@Test
	void acceptsOnlyOnsiteAtlasOnItsOwnTopics() {
		SourcePolicy policy = SourcePolicy.standard();

		assertThat(policy.accepts(Topics.EVENTS, from("/onsite-atlas/events"))).isTrue();
		assertThat(policy.accepts(Topics.EVENTS, from("/onsite-atlas/registrations"))).isFalse();
		assertThat(policy.accepts(Topics.EVENTS, from("/onsite-atlas/lodging-travel-service"))).isFalse();
		assertThat(policy.accepts(Topics.EVENTS, from("/lodging-travel-service"))).isFalse();
		assertThat(policy.accepts(Topics.EVENTS, from("/onsite-atlas/events/"))).isFalse();
		assertThat(policy.refusedCount()).isEqualTo(4);
	}

	@Test
	void acceptsAServiceOnlyOnTheTopicsItOwns() {
		SourcePolicy policy = SourcePolicy.standard();

		assertThat(policy.allowed(Topics.HOTEL_BOOKINGS))
			.containsExactlyInAnyOrder("/onsite-atlas/lodging-travel-service", "/lodging-travel-service");
		assertThat(policy.allowed(Topics.TRAVEL)).contains("/onsite-atlas/lodging-travel-service");
		assertThat(policy.allowed(Topics.NOTIFICATIONS)).contains("/onsite-atlas/notification-service")
			.doesNotContain("/onsite-atlas/lodging-travel-service");
		assertThat(policy.allowed(Topics.EXPORTS)).contains("/onsite-atlas/reporting-service");
		assertThat(policy.allowed(Topics.deadLetter(Topics.REGISTRATIONS)))
			.containsExactly("/onsite-atlas/registrations");
	}

	@Test
	void followsTheProducersOfKafkaAcls() {
		SourcePolicy policy = SourcePolicy.standard();

		KafkaAcls.all()
			.stream()
			.filter((principal) -> !principal.user().equals(KafkaAcls.ONSITE_ATLAS))
			.forEach((principal) -> principal.produces()
				.forEach((topic) -> assertThat(policy.allowed(topic)).as(topic)
					.containsExactlyInAnyOrder("/onsite-atlas/" + principal.user(), "/" + principal.user())));
		KafkaAcls.of(KafkaAcls.ONSITE_ATLAS)
			.orElseThrow()
			.produces()
			.forEach((topic) -> assertThat(policy.allowed(topic)).as(topic)
				.containsExactly("/onsite-atlas/" + topic.substring(topic.indexOf('.') + 1)));
	}

	@Test
	void acceptsConfiguredExtraSourcesEverywhere() {
		SourcePolicy policy = new SourcePolicy(List.of("/replay-tool"));

		assertThat(policy.accepts(Topics.EVENTS, from("/replay-tool"))).isTrue();
		assertThat(policy.accepts(Topics.EVENTS, from("/other"))).isFalse();
	}

}

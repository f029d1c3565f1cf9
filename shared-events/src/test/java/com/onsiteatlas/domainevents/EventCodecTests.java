package com.onsiteatlas.domainevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onsiteatlas.domainevents.InvalidEventException.MalformedEventException;
import com.onsiteatlas.domainevents.InvalidEventException.UnknownEventTypeException;
import com.onsiteatlas.domainevents.InvalidEventException.UnsupportedEventVersionException;
import com.onsiteatlas.domainevents.abstracts.AbstractStatus;
import com.onsiteatlas.domainevents.abstracts.AbstractStatusChanged;
import com.onsiteatlas.domainevents.notification.NotificationSent;
import com.onsiteatlas.domainevents.payment.PaymentReceived;
import com.onsiteatlas.domainevents.registration.RegistrationCreated;
import com.onsiteatlas.domainevents.registration.RegistrationUpdated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventCodecTests {

	private final EventCodec codec = new EventCodec();

	@Test
	void rejectsAnEmptyMessage() {
		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> this.codec.decode(new byte[0]))
			.satisfies((ex) -> assertThat(ex.isPoison()).isTrue());
	}

	@Test
	void rejectsAMessageThatIsNotJson() {
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> this.codec.decode("registration-created REG-0001"))
			.withMessageStartingWith("Not JSON")
			.satisfies((ex) -> assertThat(ex.isPoison()).isTrue());
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "\"registration-created\"", "42", "null" })
	void rejectsJsonThatIsNotAnObject(String json) {
		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> this.codec.decode(json))
			.withMessageContaining("JSON object");
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "type", "source", "time" })
	void rejectsAnEnvelopeWithoutARequiredAttribute(String attribute) {
		ObjectNode envelope = GoldenSamples.tree("registration-created", 1);
		envelope.remove(attribute);

		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> decode(envelope))
			.withMessageContaining("'" + attribute + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "type", "source" })
	void rejectsAnEnvelopeWithABlankAttribute(String attribute) {
		ObjectNode envelope = GoldenSamples.tree("registration-created", 1);
		envelope.put(attribute, " ");

		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> decode(envelope))
			.withMessageContaining("'" + attribute + "'");
	}

	@Test
	void rejectsATimeThatIsNotAnInstant() {
		ObjectNode envelope = GoldenSamples.tree("registration-created", 1);
		envelope.put("time", "yesterday");

		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> decode(envelope))
			.withMessageContaining("'time'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"1\"", "1.5", "null", "true" })
	void rejectsADataversionThatIsNotAnInteger(String dataversion) throws Exception {
		ObjectNode envelope = GoldenSamples.tree("registration-created", 1);
		envelope.set("dataversion", this.codec.mapper().readTree(dataversion));

		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> decode(envelope))
			.withMessageContaining("'dataversion'");
	}

	@Test
	void rejectsAnEnvelopeWithoutDataversion() {
		ObjectNode envelope = GoldenSamples.tree("registration-created", 1);
		envelope.remove("dataversion");

		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> decode(envelope))
			.withMessageContaining("'dataversion'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "\"{}\"" })
	void rejectsDataThatIsNotAnObject(String data) throws Exception {
		ObjectNode envelope = GoldenSamples.tree("registration-created", 1);
		envelope.set("data", this.codec.mapper().readTree(data));

		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> decode(envelope))
			.withMessageContaining("'data'");
	}

	@Test
	void rejectsPayloadWithoutRegistration() {
		ObjectNode envelope = GoldenSamples.tree("registration-created", 1);
		data(envelope).remove("registration");

		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> decode(envelope))
			.withMessageContaining("registration-created")
			.withMessageContaining("'registration'")
			.satisfies((ex) -> assertThat(ex.isPoison()).isTrue());
	}

	@Test
	void rejectsPayloadWithNullRegistration() {
		ObjectNode envelope = GoldenSamples.tree("registration-created", 1);
		data(envelope).putNull("registration");

		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> decode(envelope))
			.withMessageContaining("registration is required");
	}

	@Test
	void rejectsPayloadWithoutAmountNamingTheField() {
		ObjectNode envelope = GoldenSamples.tree("payment-received", 1);
		data(envelope).remove("amountCents");

		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> decode(envelope))
			.withMessageContaining("'amountCents'");
	}

	@Test
	void rejectsPayloadWithNullAmountInsteadOfReadingZero() {
		ObjectNode envelope = GoldenSamples.tree("payment-received", 1);
		data(envelope).putNull("amountCents");

		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> decode(envelope))
			.withMessageContaining("amountCents");
	}

	@Test
	void rejectsNestedMissingFieldNamingWhereItIs() {
		ObjectNode envelope = GoldenSamples.tree("registration-created", 1);
		((ObjectNode) data(envelope).get("registration").get("personalInfo")).putNull("firstName");

		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> decode(envelope))
			.withMessageContaining("registration.personalInfo")
			.withMessageContaining("firstName is required");
	}

	@Test
	void rejectsAFieldOfTheWrongJsonType() {
		ObjectNode envelope = GoldenSamples.tree("payment-received", 1);
		data(envelope).put("amountCents", "twelve thousand");

		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> decode(envelope))
			.withMessageContaining("amountCents");
	}

	@Test
	void rejectsAnObjectWhereAListIsExpected() {
		ObjectNode envelope = GoldenSamples.tree("registration-updated", 1);
		data(envelope).putObject("changedFields");

		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> decode(envelope))
			.withMessageContaining("changedFields");
	}

	@Test
	void rejectsAnUnknownAbstractStatus() {
		ObjectNode envelope = GoldenSamples.tree("abstract-status-changed", 1);
		data(envelope).put("newStatus", "teleported");

		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> decode(envelope))
			.withMessageContaining("newStatus")
			.withMessageContaining("teleported");
	}

	@Test
	void readsLegacyAbstractStatusSpellings() {
		ObjectNode envelope = GoldenSamples.tree("abstract-status-changed", 1);
		data(envelope).put("oldStatus", "under_review");
		data(envelope).put("newStatus", "revised");

		AbstractStatusChanged changed = (AbstractStatusChanged) decode(envelope).data();

		assertThat(changed.oldStatus()).isEqualTo(AbstractStatus.UNDER_REVIEW);
		assertThat(changed.newStatus()).isEqualTo(AbstractStatus.REVISED_PENDING_REVIEW);
	}

	@Test
	void unknownVersionOfAKnownTypeIsPoison() {
		ObjectNode envelope = GoldenSamples.tree("registration-created", 1);
		envelope.put("dataversion", 99);

		assertThatExceptionOfType(UnsupportedEventVersionException.class).isThrownBy(() -> decode(envelope))
			.withMessageContaining("registration-created")
			.withMessageContaining("99")
			.satisfies((ex) -> assertThat(ex.isPoison()).isTrue());
	}

	@Test
	void unknownTypeIsNotPoison() {
		ObjectNode envelope = GoldenSamples.tree("registration-created", 1);
		envelope.put("type", "registration-teleported");

		assertThatExceptionOfType(UnknownEventTypeException.class).isThrownBy(() -> decode(envelope))
			.withMessageContaining("registration-teleported")
			.satisfies((ex) -> assertThat(ex.isPoison()).isFalse());
	}

	@Test
	void unknownTypeIsReportedEvenWhenItsDataIsUnreadable() {
		ObjectNode envelope = GoldenSamples.tree("registration-created", 1);
		envelope.put("type", "badge-printed");
		envelope.put("data", "not an object");

		assertThatExceptionOfType(UnknownEventTypeException.class).isThrownBy(() -> decode(envelope));
	}

	@Test
	void ignoresUnknownFieldsInEnvelopeAndPayload() {
		ObjectNode envelope = GoldenSamples.tree("registration-created", 1);
		envelope.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		data(envelope).put("badgePrinted", true);
		((ObjectNode) data(envelope).get("registration")).putObject("professionalInfo").put("mciNumber", "MCI-1");

		RegistrationCreated created = (RegistrationCreated) decode(envelope).data();

		assertThat(created.registration().registrationId()).isEqualTo("REG-0001");
	}

	@Test
	void acceptsAPayloadWithOnlyItsRequiredFields() {
		ObjectNode envelope = GoldenSamples.tree("notification-sent", 1);
		ObjectNode data = data(envelope);
		data.retain("eventId", "notificationId", "channel", "sentAt", "occurredAt");

		NotificationSent sent = (NotificationSent) decode(envelope).data();

		assertThat(sent.testMode()).isFalse();
		assertThat(sent.attempts()).isZero();
		assertThat(sent.registration()).isNull();
	}

	@Test
	void acceptsExplicitNullsForOptionalFields() {
		ObjectNode envelope = GoldenSamples.tree("registration-updated", 1);
		data(envelope).putNull("changedFields");
		data(envelope).putNull("actorUserId");
		((ObjectNode) data(envelope).get("registration")).putNull("customFields");
		envelope.putNull("correlationid");

		EventEnvelope<DomainEventPayload> decoded = decode(envelope);
		RegistrationUpdated updated = (RegistrationUpdated) decoded.data();

		assertThat(updated.changedFields()).isEmpty();
		assertThat(updated.registration().customFields()).isEmpty();
		assertThat(updated.actorUserId()).isNull();
		assertThat(decoded.correlationid()).isNull();
	}

	@Test
	void fillsEnvelopeDefaultsWhenAProducerLeavesThemOut() {
		ObjectNode envelope = GoldenSamples.tree("payment-received", 1);
		envelope.remove(List.of("specversion", "subject", "datacontenttype"));

		EventEnvelope<DomainEventPayload> decoded = decode(envelope);

		assertThat(decoded.specversion()).isEqualTo("1.0");
		assertThat(decoded.datacontenttype()).isEqualTo("application/json");
		assertThat(decoded.subject()).isEqualTo("6660a1b2c3d4e5f601234567");
	}

	@Test
	void wrapTakesTypeVersionAndSubjectFromTheCatalog() {
		PaymentReceived payment = GoldenSamples.<PaymentReceived>envelope("payment-received", 1).data();

		EventEnvelope<PaymentReceived> envelope = EventEnvelope.wrap(payment, "/onsite-atlas/payments",
				payment.event().id(), "req-1");

		assertThat(envelope.type()).isEqualTo("payment-received");
		assertThat(envelope.dataversion()).isEqualTo(1);
		assertThat(envelope.subject()).isEqualTo(payment.registration().id());
		assertThat(envelope.eventid()).isEqualTo(payment.event().id());
		assertThat(envelope.specversion()).isEqualTo("1.0");
		assertThat(envelope.datacontenttype()).isEqualTo("application/json");
		assertThat(envelope.id()).isNotBlank();
		assertThat(envelope.topic()).isEqualTo(Topics.PAYMENTS);
	}

	@Test
	void wrapGivesEveryEnvelopeItsOwnId() {
		PaymentReceived payment = GoldenSamples.<PaymentReceived>envelope("payment-received", 1).data();

		assertThat(EventEnvelope.wrap(payment, "/test", null, null).id())
			.isNotEqualTo(EventEnvelope.wrap(payment, "/test", null, null).id());
	}

	static Stream<EventType> catalog() {
		return EventCatalog.standard().types().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("catalog")
	void topicIsTheCatalogTopicOfTheType(EventType type) {
		EventEnvelope<DomainEventPayload> envelope = this.codec.decode(GoldenSamples.bytes(type));

		assertThat(envelope.topic()).isEqualTo(type.topic());
		assertThat(EventEnvelope.wrap(envelope.data(), "/test", null, null).topic()).isEqualTo(type.topic());
	}

	@Test
	void encodesInstantsLikeJavaScriptToIsoString() {
		PaymentReceived payment = GoldenSamples.<PaymentReceived>envelope("payment-received", 1).data();
		EventEnvelope<PaymentReceived> envelope = new EventEnvelope<>(null, "id-1", "payment-received", "/test",
				Instant.parse("2025-11-14T03:30:00.123456789Z"), null, null, 1, null, null, payment);

		JsonNode json = tree(this.codec.encodeToString(envelope));

		assertThat(json.get("time").textValue()).isEqualTo("2025-11-14T03:30:00.123Z");
		assertThat(json.get("data").get("event").get("startDate").textValue()).isEqualTo("2025-11-14T03:30:00.000Z");
	}

	@Test
	void encodingLeavesOutNullFields() {
		PaymentReceived payment = GoldenSamples.<PaymentReceived>envelope("payment-received", 1).data();
		EventEnvelope<PaymentReceived> envelope = EventEnvelope.wrap(payment, "/test", null, null);

		JsonNode json = tree(this.codec.encodeToString(envelope));

		assertThat(json.has("eventid")).isFalse();
		assertThat(json.has("correlationid")).isFalse();
		assertThat(json.get("data").has("paymentId")).isTrue();
	}

	@Test
	void replayMarkerSurvivesEncodeAndDecode() {
		EventEnvelope<DomainEventPayload> live = this.codec.decode(GoldenSamples.bytes("registration-created", 1));

		JsonNode json = tree(this.codec.encodeToString(live.asReplay()));

		assertThat(live.isReplay()).isFalse();
		assertThat(tree(this.codec.encodeToString(live)).has("atlasreplay")).isFalse();
		assertThat(json.get("atlasreplay").booleanValue()).isTrue();
		assertThat(this.codec.decode(json.toString()).isReplay()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"true\"", "\"TRUE\"" })
	void readsAReplayMarkerWrittenAsAString(String value) {
		ObjectNode envelope = GoldenSamples.tree("registration-created", 1);
		envelope.set("atlasreplay", tree(value));

		assertThat(decode(envelope).isReplay()).isTrue();
	}

	@Test
	void aFalseReplayMarkerIsALiveFact() {
		ObjectNode envelope = GoldenSamples.tree("registration-created", 1);
		envelope.put("atlasreplay", false);

		assertThat(decode(envelope).isReplay()).isFalse();
	}

	private EventEnvelope<DomainEventPayload> decode(ObjectNode envelope) {
		return this.codec.decode(envelope.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static ObjectNode data(ObjectNode envelope) {
		return (ObjectNode) envelope.get("data");
	}

	private JsonNode tree(String json) {
		try {
			return this.codec.mapper().readTree(json);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package com.onsiteatlas.domainevents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Turns envelopes into JSON bytes and back. Reading is tolerant (unknown fields are
 * ignored, as the compatibility rule requires) but strict about what the contract
 * requires: a missing envelope attribute, a missing required payload field or a wrong
 * JSON type is a {@link InvalidEventException.MalformedEventException}.
 */
public final class EventCodec {

	private final EventCatalog catalog;

	private final ObjectMapper mapper;

	public EventCodec() {
		this(EventCatalog.standard());
	}

	public EventCodec(EventCatalog catalog) {
		this.catalog = catalog;
		this.mapper = newObjectMapper();
	}

	/**
	 * The JSON settings of the contract: ISO-8601 UTC dates with milliseconds (what
	 * JavaScript's {@code Date.toISOString()} writes), unknown properties ignored, no
	 * null fields written, absent or null optional primitives read as false or 0.
	 * @return a new mapper
	 */
	public static ObjectMapper newObjectMapper() {
		return JsonMapper.builder()
			.addModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
			// Producers may omit optional flags such as testMode; required primitives
			// use @JsonProperty(required = true) and @JsonSetter(nulls = Nulls.FAIL).
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.addModule(new SimpleModule("atlas-instants").addSerializer(Instant.class, new InstantSerializer()))
			.serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
			.build();
	}

	public byte[] encode(EventEnvelope<?> envelope) {
		try {
			return this.mapper.writeValueAsBytes(envelope);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot serialise " + envelope.type(), ex);
		}
	}

	public String encodeToString(EventEnvelope<?> envelope) {
		return new String(encode(envelope), StandardCharsets.UTF_8);
	}

	/**
	 * Reads a message value.
	 * @param json the Kafka record value
	 * @return the envelope with its typed payload
	 * @throws InvalidEventException when the message is not a valid event of a known type
	 * and version
	 */
	public EventEnvelope<DomainEventPayload> decode(byte[] json) {
		if (json == null || json.length == 0) {
			throw new InvalidEventException.MalformedEventException("Empty message", null);
		}
		JsonNode root;
		try {
			root = this.mapper.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidEventException.MalformedEventException("Not JSON: " + ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new InvalidEventException.MalformedEventException("Not JSON: " + ex.getMessage(), ex);
		}
		if (!(root instanceof ObjectNode node)) {
			throw new InvalidEventException.MalformedEventException("An envelope must be a JSON object", null);
		}
		String type = requiredText(node, "type");
		String id = requiredText(node, "id");
		String source = requiredText(node, "source");
		String time = requiredText(node, "time");
		JsonNode versionNode = node.get("dataversion");
		if (versionNode == null || !versionNode.canConvertToInt() || !versionNode.isIntegralNumber()) {
			throw new InvalidEventException.MalformedEventException("'dataversion' must be an integer", null);
		}
		int version = versionNode.intValue();
		if (!this.catalog.knowsType(type)) {
			throw new InvalidEventException.UnknownEventTypeException("Unknown event type '" + type + "'");
		}
		EventType eventType = this.catalog.findOptional(type, version)
			.orElseThrow(() -> new InvalidEventException.UnsupportedEventVersionException("Event type '" + type
					+ "' has no version " + version + "; known: " + this.catalog.versionsOf(type)));
		JsonNode data = node.get("data");
		if (data == null || !data.isObject()) {
			throw new InvalidEventException.MalformedEventException("'data' must be a JSON object", null);
		}
		Instant instant;
		try {
			instant = this.mapper.treeToValue(node.get("time"), Instant.class);
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			throw new InvalidEventException.MalformedEventException("'time' is not an ISO-8601 instant: " + time, ex);
		}
		DomainEventPayload payload;
		try {
			payload = this.mapper.treeToValue(data, eventType.payloadType());
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			throw new InvalidEventException.MalformedEventException("Invalid '" + type + "' v" + version + describe(ex),
					ex);
		}
		return new EventEnvelope<>(text(node, "specversion"), id, type, source, instant, text(node, "subject"),
				text(node, "datacontenttype"), version, text(node, "correlationid"), text(node, "eventid"), payload,
				replay(node));
	}

	public EventEnvelope<DomainEventPayload> decode(String json) {
		return decode(json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The mapper this codec uses, for callers that need to convert payloads to other
	 * shapes (e.g. a map for template variables).
	 * @return the shared mapper; do not reconfigure it
	 */
	public ObjectMapper mapper() {
		return this.mapper;
	}

	private static String requiredText(ObjectNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isTextual() || value.textValue().isBlank()) {
			throw new InvalidEventException.MalformedEventException("'" + field + "' must be a non-empty string", null);
		}
		return value.textValue();
	}

	/**
	 * The replay marker: a CloudEvents boolean extension, written {@code true}; the
	 * string {@code "true"} (how binary-mode headers carry it) is read as true too.
	 */
	private static Boolean replay(ObjectNode node) {
		JsonNode value = node.get(EventEnvelope.REPLAY_ATTRIBUTE);
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(value.asText());
	}

	private static String text(ObjectNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isTextual()) ? value.textValue() : null;
	}

	/**
	 * Says where in {@code data} the problem is and what it is, for example
	 * {@code at registration.personalInfo: firstName is required}. The deepest cause
	 * carries the compact constructor's message.
	 */
	private static String describe(Exception ex) {
		String path = "";
		if (ex instanceof JsonMappingException mapping) {
			path = mapping.getPath()
				.stream()
				.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
		}
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause instanceof JsonProcessingException processing) ? processing.getOriginalMessage()
				: cause.getMessage();
		return (path.isEmpty() ? "" : " at " + path) + ": " + message;
	}

	/**
	 * Writes instants like JavaScript's {@code Date.toISOString()}:
	 * {@code 2025-06-01T09:30:00.000Z}. Sub-millisecond digits are dropped; Mongo and
	 * JavaScript dates have none.
	 */
	private static final class InstantSerializer extends StdSerializer<Instant> {

		private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
			.withZone(ZoneOffset.UTC);

		InstantSerializer() {
			super(Instant.class);
		}

		@Override
		public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
			generator.writeString(FORMAT.format(value));
		}

	}

}

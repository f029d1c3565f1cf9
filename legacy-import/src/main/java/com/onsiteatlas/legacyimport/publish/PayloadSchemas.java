package com.onsiteatlas.legacyimport.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import com.onsiteatlas.domainevents.EventCatalog;
import com.onsiteatlas.domainevents.EventCodec;

/**
 * Checks an encoded envelope against the JSON Schemas shared-events publishes (the
 * envelope's and its type's), the same the Node library validates with: a backfilled
 * event is exactly as valid as a live one.
 */
public final class PayloadSchemas {

	private static final String ENVELOPE_SCHEMA = "envelope.schema.json";

	private final ObjectMapper mapper = EventCodec.newObjectMapper();

	private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

	private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
		.formatAssertionsEnabled(true)
		.build();

	private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

	/**
	 * The first problem of an encoded envelope.
	 * @param encoded the message value
	 * @return a problem such as {@code registration-created: $.registration._id: does not
	 * match the regex pattern ^[a-f0-9]{24}$}, empty when valid
	 */
	public Optional<String> problem(byte[] encoded) {
		JsonNode envelope;
		try {
			envelope = this.mapper.readTree(encoded);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String type = envelope.path("type").asText();
		int version = envelope.path("dataversion").asInt();
		return first(schema(ENVELOPE_SCHEMA), envelope)
			.or(() -> first(schema(EventCatalog.standard().find(type, version).schemaFileName()), envelope.get("data")))
			.map((message) -> type + ": " + message);
	}

	private static Optional<String> first(JsonSchema schema, JsonNode instance) {
		return schema.validate(instance).stream().map(ValidationMessage::getMessage).min(Comparator.naturalOrder());
	}

	private JsonSchema schema(String file) {
		return this.schemas.computeIfAbsent(file, (name) -> {
			try (InputStream in = PayloadSchemas.class.getClassLoader().getResourceAsStream("schemas/" + name)) {
				if (in == null) {
					throw new IllegalStateException("schemas/" + name + " is not on the class path (shared-events)");
				}
				return this.factory.getSchema(this.mapper.readTree(in), this.config);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

}

package com.onsiteatlas.domainevents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfig;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaKeyword;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;

/**
 * Generates the contract documents from the code: one JSON Schema per catalog entry, the
 * envelope schema and {@code docs/asyncapi.yaml}. Everything that is hand-tuned is tuned
 * here, in the generator configuration, so the committed files can always be regenerated.
 */
final class ContractDocuments {

	static final String SCHEMA_DIR = "shared-events/src/main/resources/schemas";

	static final String ASYNCAPI = "docs/asyncapi.yaml";

	static final String ENVELOPE_SCHEMA = "envelope.schema.json";

	static final int PRODUCTION_PARTITIONS = 6;

	static final long DEAD_LETTER_RETENTION_MS = 14L * 24 * 60 * 60 * 1000;

	static final String OBJECT_ID_PATTERN = "^[a-f0-9]{24}$";

	static final String REGENERATE_HINT = "regenerate with ./mvnw -pl shared-events test -Datlas.events.regenerate=true";

	/**
	 * Properties that hold Mongo ObjectIds besides {@code _id}: the conference and
	 * travel-info ids.
	 */
	private static final Set<String> OBJECT_ID_PROPERTIES = Set.of("_id", "eventId", "eventid", "travelInfoId");

	/** Kafka key of each topic, for the AsyncAPI key binding. */
	static final Map<String, String> KEYS = Map.of(Topics.EVENTS, "the conference _id", Topics.REGISTRATIONS,
			"the registration _id", Topics.PAYMENTS, "the paying registration's _id", Topics.ABSTRACTS,
			"the abstract _id", Topics.RESOURCES, "the registration _id", Topics.SPONSORS, "the sponsor _id",
			Topics.HOTEL_BOOKINGS, "the hotel booking _id", Topics.TRAVEL, "the travel info _id", Topics.NOTIFICATIONS,
			"the notificationId", Topics.EXPORTS, "the exportId");

	/** Who publishes on each topic. */
	static final Map<String, String> PRODUCERS = Map.of(Topics.EVENTS, "onsite-atlas", Topics.REGISTRATIONS,
			"onsite-atlas", Topics.PAYMENTS, "onsite-atlas", Topics.ABSTRACTS, "onsite-atlas", Topics.RESOURCES,
			"onsite-atlas", Topics.SPONSORS, "onsite-atlas", Topics.HOTEL_BOOKINGS, "lodging-travel-service",
			Topics.TRAVEL, "lodging-travel-service", Topics.NOTIFICATIONS, "notification-service", Topics.EXPORTS,
			"reporting-service");

	/** Who consumes each topic. */
	static final Map<String, List<String>> CONSUMERS = Map.of(Topics.EVENTS,
			List.of("notification-service", "lodging-travel-service", "reporting-service"), Topics.REGISTRATIONS,
			List.of("notification-service", "lodging-travel-service", "reporting-service"), Topics.PAYMENTS,
			List.of("notification-service", "lodging-travel-service", "reporting-service"), Topics.ABSTRACTS,
			List.of("notification-service", "reporting-service"), Topics.RESOURCES, List.of("reporting-service"),
			Topics.SPONSORS, List.of("reporting-service"), Topics.HOTEL_BOOKINGS,
			List.of("notification-service", "reporting-service"), Topics.TRAVEL,
			List.of("notification-service", "reporting-service"), Topics.NOTIFICATIONS, List.of("reporting-service"),
			Topics.EXPORTS, List.of());

	private static final ObjectMapper JSON = new ObjectMapper();

	private final EventCatalog catalog;

	private final SchemaGenerator generator;

	ContractDocuments(EventCatalog catalog) {
		this.catalog = catalog;
		this.generator = new SchemaGenerator(configuration());
	}

	/**
	 * Every generated file by its path relative to the repository root, in a stable
	 * order.
	 * @return path to content
	 */
	Map<String, String> files() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put(SCHEMA_DIR + "/" + ENVELOPE_SCHEMA, toJson(envelopeSchema()));
		for (EventType type : this.catalog.types()) {
			files.put(SCHEMA_DIR + "/" + type.schemaFileName(), toJson(payloadSchema(type)));
		}
		files.put(ASYNCAPI, asyncApi());
		return files;
	}

	ObjectNode envelopeSchema() {
		ObjectNode schema = this.generator.generateSchema(EventEnvelope.class);
		ObjectNode data = (ObjectNode) schema.get("properties").get("data");
		data.removeAll();
		data.put("type", "object");
		data.put("description", "The payload; its schema is <type>.v<dataversion>.schema.json.");
		return withHeader(schema, "Envelope",
				"The CloudEvents 1.0 structured-mode envelope every message on the atlas.* topics travels in.");
	}

	ObjectNode payloadSchema(EventType type) {
		return withHeader(this.generator.generateSchema(type.payloadType()), type.name() + " v" + type.version(),
				type.description());
	}

	private static ObjectNode withHeader(ObjectNode generated, String title, String description) {
		ObjectNode schema = JSON.createObjectNode();
		schema.set("$schema", generated.remove("$schema"));
		schema.put("$comment", "Generated by SchemaAndAsyncApiTests from the Java records; " + REGENERATE_HINT);
		schema.put("title", title);
		schema.put("description", description);
		schema.setAll(generated);
		return schema;
	}

	private static SchemaGeneratorConfig configuration() {
		SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(EventCodec.newObjectMapper(),
				SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
			.with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
					JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
			.with(Option.STANDARD_FORMATS, Option.NULLABLE_FIELDS_BY_DEFAULT)
			.without(Option.NULLABLE_ARRAY_ITEMS_ALLOWED);
		// Node may send optional fields as null; the codec accepts that.
		builder.forFields().withNullableCheck((field) -> !isRequired(field));
		// Declaration order reads like the record; the default is alphabetical.
		builder.forTypesInGeneral()
			.withPropertySorter(Comparator.comparingInt((MemberScope<?, ?> member) -> componentIndex(member)));
		builder.forFields().withEnumResolver(ContractDocuments::allowedValues);
		builder.forFields()
			.withStringPatternResolver(
					(field) -> (isString(field) && OBJECT_ID_PROPERTIES.contains(field.getSchemaPropertyName()))
							? OBJECT_ID_PATTERN : null);
		builder.forFields()
			.withNumberInclusiveMinimumResolver(
					(field) -> (field.getDeclaringType().getErasedType() == EventEnvelope.class
							&& field.getName().equals("dataversion")) ? BigDecimal.ONE : null);
		// Consumers ignore unknown fields, so the schemas say so explicitly.
		builder.forTypesInGeneral().withTypeAttributeOverride((node, scope, context) -> {
			if (node.has(context.getKeyword(SchemaKeyword.TAG_PROPERTIES))) {
				node.put(context.getKeyword(SchemaKeyword.TAG_ADDITIONAL_PROPERTIES), true);
			}
		});
		return builder.build();
	}

	private static List<String> allowedValues(FieldScope field) {
		AllowedValues allowed = field.getAnnotationConsideringFieldAndGetter(AllowedValues.class);
		if (allowed == null) {
			return null;
		}
		List<String> values = new ArrayList<>(List.of(allowed.value().split("\\|")));
		if (!isRequired(field)) {
			values.add(null);
		}
		return values;
	}

	private static int componentIndex(MemberScope<?, ?> member) {
		RecordComponent[] components = member.getDeclaringType().getErasedType().getRecordComponents();
		for (int i = 0; components != null && i < components.length; i++) {
			if (components[i].getName().equals(member.getDeclaredName())) {
				return i;
			}
		}
		return Integer.MAX_VALUE;
	}

	private static boolean isRequired(FieldScope field) {
		JsonProperty property = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
		return property != null && property.required();
	}

	private static boolean isString(FieldScope field) {
		return field.getType().getErasedType() == String.class;
	}

	String asyncApi() {
		ObjectNode root = JSON.createObjectNode();
		root.put("asyncapi", "2.6.0");
		root.put("id", "urn:com:onsiteatlas:domain-events");
		ObjectNode info = root.putObject("info");
		info.put("title", "ONSITE ATLAS domain events");
		info.put("version", "1.0.0");
		info.put("description", "The Kafka topics of the ONSITE ATLAS platform. Every message value is a CloudEvents "
				+ "1.0 envelope in structured JSON mode whose data matches <type>.v<dataversion>.schema.json; the "
				+ "record key is the aggregate id. See docs/events.md for the compatibility rule. Generated by "
				+ "shared-events SchemaAndAsyncApiTests; " + REGENERATE_HINT + ".");
		root.put("defaultContentType", "application/cloudevents+json");
		ObjectNode local = root.putObject("servers").putObject("local");
		local.put("url", "localhost:9092");
		local.put("protocol", "kafka");
		local.put("description", "The broker of the local suite (embedded-infra or docker compose).");
		ObjectNode channels = root.putObject("channels");
		ObjectNode messages = JSON.createObjectNode();
		for (String topic : Topics.all()) {
			List<EventType> types = this.catalog.onTopic(topic);
			ObjectNode channel = channels.putObject(topic);
			channel.put("description",
					"Published by " + PRODUCERS.get(topic) + "; consumed by "
							+ (CONSUMERS.get(topic).isEmpty() ? "no service of this repository (for ONSITE ATLAS)"
									: String.join(", ", CONSUMERS.get(topic)))
							+ ". Key: " + KEYS.get(topic) + ".");
			channelBinding(channel, PRODUCTION_PARTITIONS, -1);
			ObjectNode operation = channel.putObject("subscribe");
			operation.put("operationId", "receive" + camel(topic));
			operation.put("summary", "Domain events on " + topic + ".");
			ArrayNode oneOf = operation.putObject("message").putArray("oneOf");
			for (EventType type : types) {
				String key = type.name() + ".v" + type.version();
				oneOf.addObject().put("$ref", "#/components/messages/" + key);
				messages.set(key, message(type, topic));
			}
			ObjectNode dlt = channels.putObject(Topics.deadLetter(topic));
			dlt.put("description", "Dead-letter topic of " + topic + ": malformed messages and unknown versions, "
					+ "unchanged, with the consumer's kafka_dlt-* exception headers. Kept 14 days.");
			// Spring's DeadLetterPublishingRecoverer keeps the partition number, so a DLT
			// needs as many partitions.
			channelBinding(dlt, PRODUCTION_PARTITIONS, DEAD_LETTER_RETENTION_MS);
			ObjectNode dltOperation = dlt.putObject("subscribe");
			dltOperation.put("operationId", "receive" + camel(Topics.deadLetter(topic)));
			dltOperation.put("summary", "Messages no consumer of " + topic + " could process.");
			ObjectNode dltMessage = dltOperation.putObject("message");
			dltMessage.put("name", "dead-letter");
			dltMessage.put("title", "Dead letter from " + topic);
			dltMessage.put("description", "The original record value; it may not be valid JSON.");
		}
		root.putObject("components").set("messages", messages);
		return "# Generated by shared-events SchemaAndAsyncApiTests from EventCatalog; do not edit.\n# "
				+ REGENERATE_HINT + "\n" + toYaml(root);
	}

	private static void channelBinding(ObjectNode channel, int partitions, long retentionMs) {
		ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
		kafka.put("partitions", partitions);
		ObjectNode config = kafka.putObject("topicConfiguration");
		config.putArray("cleanup.policy").add("delete");
		config.put("retention.ms", retentionMs);
		kafka.put("bindingVersion", "0.4.0");
	}

	private static ObjectNode message(EventType type, String topic) {
		ObjectNode message = JSON.createObjectNode();
		message.put("name", type.name());
		message.put("title", type.name() + " v" + type.version());
		message.put("description", type.description());
		message.put("contentType", "application/cloudevents+json");
		ObjectNode headers = message.putObject("headers");
		headers.put("type", "object");
		ObjectNode headerProperties = headers.putObject("properties");
		headerProperties.putObject("ce_type")
			.put("type", "string")
			.put("const", type.name())
			.put("description", "Copy of the envelope's type, so consumers can skip types without parsing.");
		headerProperties.putObject("ce_id").put("type", "string").put("description", "Copy of the envelope's id.");
		ObjectNode key = message.putObject("bindings").putObject("kafka");
		key.putObject("key")
			.put("type", "string")
			.put("description", "Aggregate id: " + KEYS.get(topic) + ". Equal to the envelope's subject.");
		key.put("bindingVersion", "0.4.0");
		ArrayNode allOf = message.putObject("payload").putArray("allOf");
		allOf.addObject().put("$ref", "../" + SCHEMA_DIR + "/" + ENVELOPE_SCHEMA);
		ObjectNode specific = allOf.addObject();
		specific.put("type", "object");
		ObjectNode properties = specific.putObject("properties");
		properties.putObject("type").put("const", type.name());
		properties.putObject("dataversion").put("const", type.version());
		properties.putObject("data").put("$ref", "../" + SCHEMA_DIR + "/" + type.schemaFileName());
		return message;
	}

	private static String camel(String topic) {
		StringBuilder result = new StringBuilder();
		for (String part : topic.split("[.\\-]")) {
			result.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase());
		}
		return result.toString();
	}

	static String toJson(JsonNode node) {
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
			.withObjectFieldValueSpacing(Separators.Spacing.AFTER)
			.withObjectEmptySeparator("")
			.withArrayEmptySeparator(""));
		printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
		printer.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
		try {
			return JSON.writer(printer).writeValueAsString(node) + "\n";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String toYaml(JsonNode node) {
		YAMLMapper yaml = new YAMLMapper(YAMLFactory.builder()
			.disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
			.enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
			.disable(YAMLGenerator.Feature.SPLIT_LINES)
			.enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
			.build());
		try {
			return yaml.writeValueAsString(node);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The repository root: the nearest directory, from the working directory up, that
	 * holds {@code pom.xml} and {@code shared-events}.
	 * @return the root
	 */
	static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("shared-events"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException(
				"No directory holding pom.xml and shared-events above " + Path.of("").toAbsolutePath());
	}

}

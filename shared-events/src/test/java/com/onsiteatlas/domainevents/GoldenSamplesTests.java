package com.onsiteatlas.domainevents;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden samples are the append-only contract: one realistic message per catalog
 * entry, exactly as a producer publishes it. Every field must survive a decode/encode
 * round trip and every sample must match its schema.
 */
class GoldenSamplesTests {

	private final EventCodec codec = new EventCodec();

	private final ObjectMapper mapper = this.codec.mapper();

	static Stream<EventType> catalog() {
		return EventCatalog.standard().types().stream();
	}

	@Test
	void everyCatalogEntryHasAGoldenSample() {
		assertThat(EventCatalog.standard().types()).allSatisfy(
				(type) -> assertThat(GoldenSamples.exists(type)).as("golden sample %s", GoldenSamples.resource(type))
					.isTrue());
	}

	@Test
	void everyGoldenSampleBelongsToACatalogEntry() throws IOException {
		Path dir = ContractDocuments.repositoryRoot().resolve("shared-events/src/test/resources/golden");
		try (Stream<Path> files = Files.list(dir)) {
			List<String> names = files.map((file) -> file.getFileName().toString()).sorted().toList();
			List<String> expected = catalog().map((type) -> GoldenSamples.resource(type).substring("golden/".length()))
				.sorted()
				.toList();
			assertThat(names).containsExactlyElementsOf(expected);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("catalog")
	void goldenSampleSurvivesDecodeAndEncodeWithoutLosingAField(EventType type) throws IOException {
		byte[] sample = GoldenSamples.bytes(type);

		EventEnvelope<DomainEventPayload> envelope = this.codec.decode(sample);

		assertThat(envelope.data()).isInstanceOf(type.payloadType());
		assertThat(this.mapper.readTree(this.codec.encode(envelope))).isEqualTo(this.mapper.readTree(sample));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("catalog")
	void goldenSampleSubjectIsThePayloadsAggregateId(EventType type) {
		EventEnvelope<DomainEventPayload> envelope = this.codec.decode(GoldenSamples.bytes(type));

		assertThat(envelope.subject()).isNotBlank().isEqualTo(envelope.data().aggregateId());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("catalog")
	void goldenSampleMatchesItsJsonSchemas(EventType type) throws IOException {
		JsonNode sample = this.mapper.readTree(GoldenSamples.bytes(type));

		assertThat(validate(ContractDocuments.ENVELOPE_SCHEMA, sample)).isEmpty();
		assertThat(validate(type.schemaFileName(), sample.get("data"))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("catalog")
	void requiredFieldsAreCheckedByTheRecordsThemselves(EventType type) {
		// Java producers build records directly, so @JsonProperty(required) alone is not
		// enough: each required component must also be rejected by the compact
		// constructor, and no optional one may be.
		DomainEventPayload payload = this.codec.decode(GoldenSamples.bytes(type)).data();
		List<String> mismatches = new ArrayList<>();
		collectRequiredMismatches(payload, mismatches);
		assertThat(mismatches).isEmpty();
	}

	@Test
	void schemaRejectsAnIdThatIsNotAnObjectId() throws IOException {
		JsonNode data = GoldenSamples.tree("registration-created", 1).get("data");
		((ObjectNode) data.get("registration")).put("_id", "REG-0001");

		assertThat(validate("registration-created.v1.schema.json", data)).singleElement()
			.satisfies((message) -> assertThat(message.getInstanceLocation().toString()).contains("_id"));
	}

	@Test
	void schemaRejectsAStatusOutsideTheModel() throws IOException {
		JsonNode data = GoldenSamples.tree("registration-created", 1).get("data");
		((ObjectNode) data.get("registration")).put("status", "confirmed");

		assertThat(validate("registration-created.v1.schema.json", data)).isNotEmpty();
	}

	@Test
	void schemaRejectsAPayloadWithoutARequiredField() throws IOException {
		ObjectNode data = (ObjectNode) GoldenSamples.tree("payment-received", 1).get("data");
		data.remove("amountCents");

		assertThat(validate("payment-received.v1.schema.json", data)).singleElement()
			.satisfies((message) -> assertThat(message.getMessage()).contains("amountCents"));
	}

	@Test
	void requiredFieldCheckNoticesAnOptionalFieldTheConstructorRejects() {
		record Lying(@JsonProperty(required = true) String declared, String undeclared) {
			Lying {
				java.util.Objects.requireNonNull(undeclared, "undeclared is required");
			}
		}
		List<String> mismatches = new ArrayList<>();

		collectRequiredMismatches(new Lying("a", "b"), mismatches);

		assertThat(mismatches).containsExactlyInAnyOrder("Lying.declared is required in JSON but accepts null",
				"Lying.undeclared is optional in JSON but rejects null");
	}

	private Set<ValidationMessage> validate(String schemaFile, JsonNode instance) throws IOException {
		Path file = ContractDocuments.repositoryRoot().resolve(ContractDocuments.SCHEMA_DIR).resolve(schemaFile);
		JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
			.getSchema(this.mapper.readTree(file.toFile()),
					SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
		return schema.validate(instance);
	}

	private static void collectRequiredMismatches(Object value, List<String> mismatches) {
		if (value == null || !value.getClass().isRecord()) {
			if (value instanceof Iterable<?> items) {
				items.forEach((item) -> collectRequiredMismatches(item, mismatches));
			}
			return;
		}
		RecordComponent[] components = value.getClass().getRecordComponents();
		Object[] arguments = Arrays.stream(components).map((component) -> read(component, value)).toArray();
		for (int i = 0; i < components.length; i++) {
			collectRequiredMismatches(arguments[i], mismatches);
			if (components[i].getType().isPrimitive()) {
				continue;
			}
			JsonProperty property = components[i].getAccessor().getAnnotation(JsonProperty.class);
			boolean declaredRequired = property != null && property.required();
			Object[] withNull = arguments.clone();
			withNull[i] = null;
			boolean rejectsNull = rejects(value.getClass(), components, withNull);
			String name = value.getClass().getSimpleName() + "." + components[i].getName();
			if (declaredRequired && !rejectsNull) {
				mismatches.add(name + " is required in JSON but accepts null");
			}
			else if (!declaredRequired && rejectsNull) {
				mismatches.add(name + " is optional in JSON but rejects null");
			}
		}
	}

	private static Object read(RecordComponent component, Object record) {
		try {
			component.getAccessor().setAccessible(true);
			return component.getAccessor().invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean rejects(Class<?> type, RecordComponent[] components, Object[] arguments) {
		try {
			Constructor<?> constructor = type
				.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
			constructor.setAccessible(true);
			constructor.newInstance(arguments);
			return false;
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof NullPointerException npe && npe.getMessage().endsWith(" is required")) {
				return true;
			}
			throw new IllegalStateException(type.getSimpleName() + " failed for another reason", ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

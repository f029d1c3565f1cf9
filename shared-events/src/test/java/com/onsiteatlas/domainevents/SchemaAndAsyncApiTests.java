package com.onsiteatlas.domainevents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas and the AsyncAPI document are generated from the records and the
 * catalog. This test regenerates them in memory and fails when a committed file differs;
 * with {@code -Datlas.events.regenerate=true} it rewrites the files instead.
 */
class SchemaAndAsyncApiTests {

	private static final boolean REGENERATE = Boolean.getBoolean("atlas.events.regenerate");

	private final Path root = ContractDocuments.repositoryRoot();

	private final ContractDocuments documents = new ContractDocuments(EventCatalog.standard());

	@Test
	void committedSchemasAndAsyncApiMatchTheCode() throws IOException {
		List<String> stale = new ArrayList<>();
		for (Map.Entry<String, String> file : this.documents.files().entrySet()) {
			Path path = this.root.resolve(file.getKey());
			String committed = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : null;
			if (file.getValue().equals(committed)) {
				continue;
			}
			if (REGENERATE) {
				Files.createDirectories(path.getParent());
				Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
			}
			else {
				stale.add(file.getKey() + ((committed != null) ? " differs" : " is missing"));
			}
		}
		assertThat(stale).as("Generated contract files are out of date; " + ContractDocuments.REGENERATE_HINT)
			.isEmpty();
	}

	@Test
	void everyCommittedSchemaHasACatalogEntry() throws IOException {
		try (Stream<Path> files = Files.list(this.root.resolve(ContractDocuments.SCHEMA_DIR))) {
			List<String> committed = files.map((file) -> file.getFileName().toString()).sorted().toList();
			List<String> expected = Stream
				.concat(Stream.of(ContractDocuments.ENVELOPE_SCHEMA),
						EventCatalog.standard().types().stream().map(EventType::schemaFileName))
				.sorted()
				.toList();
			assertThat(committed).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void asyncApiHasAChannelPerTopicAndItsDeadLetterTopic() throws IOException {
		JsonNode asyncApi = asyncApi();

		List<String> channels = new ArrayList<>();
		asyncApi.get("channels").fieldNames().forEachRemaining(channels::add);

		List<String> expected = Topics.all()
			.stream()
			.flatMap((topic) -> Stream.of(topic, Topics.deadLetter(topic)))
			.toList();
		assertThat(channels).containsExactlyElementsOf(expected);
		assertThat(asyncApi.get("asyncapi").textValue()).isEqualTo("2.6.0");
		assertThat(asyncApi.at("/servers/local/url").textValue()).isEqualTo("localhost:9092");
	}

	@Test
	void asyncApiDescribesEveryCatalogEntryOnItsTopic() throws IOException {
		JsonNode asyncApi = asyncApi();

		for (EventType type : EventCatalog.standard().types()) {
			String key = type.name() + ".v" + type.version();
			JsonNode message = asyncApi.get("components").get("messages").get(key);
			assertThat(message).as(key).isNotNull();
			assertThat(message.get("name").textValue()).isEqualTo(type.name());
			assertThat(message.get("description").textValue()).isEqualTo(type.description());
			assertThat(message.get("contentType").textValue()).isEqualTo("application/cloudevents+json");
			assertThat(message.at("/headers/properties/ce_type/const").textValue()).isEqualTo(type.name());
			assertThat(message.at("/bindings/kafka/key/description").textValue()).startsWith("Aggregate id");
			List<String> onChannel = new ArrayList<>();
			asyncApi.get("channels")
				.get(type.topic())
				.at("/subscribe/message/oneOf")
				.forEach((ref) -> onChannel.add(ref.get("$ref").textValue()));
			assertThat(onChannel).contains("#/components/messages/" + key);
		}
	}

	@Test
	void asyncApiPayloadReferencesPointAtCommittedSchemaFiles() throws IOException {
		JsonNode asyncApi = asyncApi();
		Path docs = this.root.resolve("docs");
		List<String> references = new ArrayList<>();
		asyncApi.get("components")
			.get("messages")
			.forEach((message) -> message.get("payload")
				.findValues("$ref")
				.forEach((reference) -> references.add(reference.textValue())));

		assertThat(references).hasSize(2 * EventCatalog.standard().types().size());
		assertThat(references)
			.allSatisfy((reference) -> assertThat(docs.resolve(reference).normalize()).isRegularFile());
	}

	@Test
	void eventsDocumentationNamesEveryTopicAndType() throws IOException {
		String doc = Files.readString(this.root.resolve("docs/events.md"), StandardCharsets.UTF_8);

		assertThat(Topics.all()).allSatisfy((topic) -> assertThat(doc).contains("`" + topic + "`"));
		assertThat(EventCatalog.standard().types())
			.allSatisfy((type) -> assertThat(doc).contains("`" + type.name() + "`"));
	}

	@Test
	void repositoryRootHoldsTheAggregatorPom() {
		assertThat(this.root.resolve("pom.xml")).isRegularFile();
		assertThat(this.root.resolve("shared-events/pom.xml")).isRegularFile();
	}

	private JsonNode asyncApi() throws IOException {
		return new YAMLMapper().readTree(this.root.resolve(ContractDocuments.ASYNCAPI).toFile());
	}

}

package com.onsiteatlas.embedded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** The running infrastructure, through the same protocols the services use. */
class EmbeddedInfraTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final ObjectMapper json = new ObjectMapper();

	private static EmbeddedInfra infra;

	@BeforeAll
	static void startInfra() {
		infra = TestInfra.get();
	}

	@Test
	void kafkaDeliversAProducedRecordToAConsumer() throws Exception {
		String topic = "infra-test-" + UUID.randomUUID();
		Properties producerConfig = new Properties();
		producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, "key-1", "hello kafka")).get();
		}
		Properties consumerConfig = new Properties();
		consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
				new StringDeserializer())) {
			TopicPartition partition = new TopicPartition(topic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			List<ConsumerRecord<String, String>> received = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(received::add);
				assertThat(received).extracting(ConsumerRecord::key, ConsumerRecord::value)
					.containsExactly(tuple("key-1", "hello kafka"));
			});
		}
	}

	@Test
	void everyMongoStoreAnswersPingAndStoresDocuments() {
		infra.settings().mongoPorts().forEach((store, port) -> {
			MongoClientSettings settings = MongoClientSettings.builder()
				.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
				.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
				.build();
			try (MongoClient client = MongoClients.create(settings)) {
				assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok")).isEqualTo(1.0);
				client.getDatabase(store).getCollection("probe").insertOne(new Document("store", store));
				assertThat(
						client.getDatabase(store).getCollection("probe").countDocuments(new Document("store", store)))
					.isEqualTo(1);
			}
		});
	}

	@Test
	void mailSentOverSmtpIsListedWithSubjectHeadersAndAttachments() throws Exception {
		String subject = "Registration confirmed – अनन्या " + UUID.randomUUID();
		byte[] pdf = "%PDF-1.4 fake badge".getBytes(StandardCharsets.UTF_8);
		send(subject, pdf);

		JsonNode mail = await().atMost(Duration.ofSeconds(10))
			.until(() -> findBySubject(subject), (found) -> found != null);
		assertThat(mail.get("from").asText()).isEqualTo("Atlas Demo <noreply@demo.onsite-atlas.test>");
		assertThat(mail.get("to")).extracting(JsonNode::asText).containsExactly("ananya.gupta@demo.onsite-atlas.test");
		assertThat(mail.get("cc")).extracting(JsonNode::asText).containsExactly("desk@demo.onsite-atlas.test");
		assertThat(mail.get("envelopeRecipients")).extracting(JsonNode::asText)
			.containsExactly("ananya.gupta@demo.onsite-atlas.test", "audit@demo.onsite-atlas.test",
					"desk@demo.onsite-atlas.test");
		assertThat(mail.get("textBody").asText()).contains("See you in New Delhi");
		assertThat(mail.get("htmlBody").asText()).contains("<b>See you</b>");
		assertThat(mail.get("headers").get("List-Unsubscribe").asText())
			.isEqualTo("<https://example.test/unsubscribe?t=abc>");
		assertThat(mail.get("attachments")).hasSize(1);
		assertThat(mail.get("attachments").get(0).get("fileName").asText()).isEqualTo("badge-REG-0003.pdf");
		assertThat(mail.get("attachments").get(0).get("contentType").asText()).isEqualTo("application/pdf");

		String id = mail.get("id").asText();
		HttpResponse<byte[]> attachment = http.send(get("/api/messages/" + id + "/attachments/0"),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(attachment.statusCode()).isEqualTo(200);
		assertThat(attachment.body()).isEqualTo(pdf);
		HttpResponse<String> raw = http.send(get("/api/messages/" + id + "/raw"), HttpResponse.BodyHandlers.ofString());
		assertThat(raw.body()).contains("List-Unsubscribe: <https://example.test/unsubscribe?t=abc>");
		HttpResponse<String> page = http.send(get("/"), HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains(subject);
	}

	@Test
	void mailCatcherPurgesAllMail() throws Exception {
		String subject = "To be purged " + UUID.randomUUID();
		send(subject, null);
		await().atMost(Duration.ofSeconds(10)).until(() -> findBySubject(subject), (found) -> found != null);

		HttpResponse<String> purge = http.send(
				HttpRequest.newBuilder(URI.create(infra.mailUiUrl() + "/api/messages")).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(purge.statusCode()).isEqualTo(200);
		assertThat(findBySubject(subject)).isNull();
	}

	@Test
	void mailCatcherReportsHealth() throws Exception {
		HttpResponse<String> health = http.send(get("/health"), HttpResponse.BodyHandlers.ofString());
		assertThat(json.readTree(health.body()).get("status").asText()).isEqualTo("UP");
	}

	private static void send(String subject, byte[] pdf) throws Exception {
		Properties props = new Properties();
		String smtp = infra.endpoints().stream().filter((e) -> e.startsWith("smtp=")).findFirst().orElseThrow();
		props.put("mail.smtp.host", smtp.substring(5, smtp.lastIndexOf(':')));
		props.put("mail.smtp.port", smtp.substring(smtp.lastIndexOf(':') + 1));
		props.put("mail.smtp.auth", "true");
		Session session = Session.getInstance(props);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("noreply@demo.onsite-atlas.test", "Atlas Demo"));
		message.setRecipients(Message.RecipientType.TO, "ananya.gupta@demo.onsite-atlas.test");
		message.setRecipients(Message.RecipientType.CC, "desk@demo.onsite-atlas.test");
		message.setRecipients(Message.RecipientType.BCC, "audit@demo.onsite-atlas.test");
		message.setSubject(subject, "UTF-8");
		message.setHeader("List-Unsubscribe", "<https://example.test/unsubscribe?t=abc>");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("See you in New Delhi", "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setContent("<p><b>See you</b> in New Delhi</p>", "text/html; charset=UTF-8");
		MimeMultipart alternative = new MimeMultipart("alternative", text, html);
		MimeBodyPart body = new MimeBodyPart();
		body.setContent(alternative);
		MimeMultipart mixed = new MimeMultipart(body);
		if (pdf != null) {
			MimeBodyPart attachment = new MimeBodyPart();
			attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
			attachment.setFileName("badge-REG-0003.pdf");
			mixed.addBodyPart(attachment);
		}
		message.setContent(mixed);
		// Any user name and password is accepted.
		Transport.send(message, "any-user", "any-password");
	}

	private static JsonNode findBySubject(String subject) throws Exception {
		HttpResponse<String> response = http.send(get("/api/messages"), HttpResponse.BodyHandlers.ofString());
		for (JsonNode mail : json.readTree(response.body())) {
			if (subject.equals(mail.get("subject").asText())) {
				return mail;
			}
		}
		return null;
	}

	private static HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create(infra.mailUiUrl() + path)).build();
	}

}

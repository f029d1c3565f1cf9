package com.onsiteatlas.embedded.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.onsiteatlas.domainevents.KafkaAcls;
import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.embedded.TestInfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15 item 5 on a real broker: a KRaft broker configured as docker-compose.yml
 * configures Kafka (SASL/SCRAM-SHA-512 client listener, StandardAuthorizer,
 * {@code allow.everyone.if.no.acl.found=false}, the admin bootstrapped at format time and
 * the only super user besides the controller listener's), with the users and ACLs of
 * {@link KafkaAcls} applied as the compose init script applies them. A service cannot
 * publish a forged {@code event-deleted} on ONSITE ATLAS's topic; ONSITE ATLAS can; a
 * client without the right password gets nowhere; a service consumes its topics.
 */
class KafkaAclsBrokerTests {

	private static final String ADMIN = "admin";

	private static final String ADMIN_PASSWORD = "admin-test-password";

	private static final String EVENT_DELETED = "{\"specversion\":\"1.0\",\"type\":\"event-deleted\","
			+ "\"source\":\"/onsite-atlas/events\",\"id\":\"forged\",\"data\":{\"_id\":\"665f1c2ab4d3e8a9c0f12345\"}}";

	private static Path dir;

	private static KafkaRaftServer server;

	private static String bootstrap;

	@BeforeAll
	static void startBrokerAndApplyTheAcls() throws Exception {
		dir = Files.createTempDirectory("kafka-acls-test");
		int port = TestInfra.freePort();
		int controllerPort = TestInfra.freePort();
		bootstrap = "127.0.0.1:" + port;
		KafkaConfig config = KafkaConfig.fromProps(securedProperties(dir, port, controllerPort), false);
		new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
			.setNodeId(config.nodeId())
			.setClusterId(Uuid.randomUuid().toString())
			.setControllerListenerName(config.controllerListenerNames().head())
			.setMetadataLogDirectory(config.metadataLogDir())
			.addDirectory(dir.toAbsolutePath().toString())
			// What the compose broker's command does with kafka-storage.sh format
			// --add-scram.
			.setScramArguments(List.of("SCRAM-SHA-512=[name=" + ADMIN + ",password=" + ADMIN_PASSWORD + "]"))
			.run();
		server = new KafkaRaftServer(config, Time.SYSTEM);
		server.startup();
		try (Admin admin = Admin.create(client(ADMIN, ADMIN_PASSWORD))) {
			admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
			List<NewTopic> topics = new ArrayList<>();
			Topics.all().forEach((topic) -> {
				topics.add(new NewTopic(topic, 1, (short) 1));
				topics.add(new NewTopic(Topics.deadLetter(topic), 1, (short) 1));
			});
			admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
			List<UserScramCredentialAlteration> users = new ArrayList<>();
			KafkaAcls.all()
				.forEach((principal) -> users.add(new UserScramCredentialUpsertion(principal.user(),
						new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password(principal.user()))));
			admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
			admin.createAcls(bindings()).all().get(30, TimeUnit.SECONDS);
		}
		// Credentials and ACLs reach the broker through the metadata log, a moment after
		// the controller accepted them.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (KafkaAcls.Principal principal : KafkaAcls.all()) {
				try (Admin admin = Admin.create(client(principal.user(), password(principal.user())))) {
					assertThat(admin.describeTopics(principal.writes()).allTopicNames().get(10, TimeUnit.SECONDS))
						.containsOnlyKeys(principal.writes());
				}
			}
		});
	}

	@AfterAll
	static void stopBroker() {
		if (server != null) {
			server.shutdown();
			server.awaitShutdown();
		}
		TestInfra.deleteRecursively(dir);
	}

	/**
	 * The ACLs of the table, as the compose init script creates them with kafka-acls.sh.
	 */
	static List<AclBinding> bindings() {
		List<AclBinding> bindings = new ArrayList<>();
		for (KafkaAcls.Principal principal : KafkaAcls.all()) {
			String user = "User:" + principal.user();
			principal.writes()
				.forEach((topic) -> List.of(AclOperation.WRITE, AclOperation.DESCRIBE)
					.forEach((operation) -> bindings.add(allow(user, ResourceType.TOPIC, topic, operation))));
			principal.reads()
				.forEach((topic) -> List.of(AclOperation.READ, AclOperation.DESCRIBE)
					.forEach((operation) -> bindings.add(allow(user, ResourceType.TOPIC, topic, operation))));
			principal.groups()
				.forEach((group) -> bindings.add(allow(user, ResourceType.GROUP, group, AclOperation.READ)));
		}
		return bindings;
	}

	@Test
	void composeFormatsWithASettingsFileKafkaAcceptsAndTheSecurityOfThisBroker() throws Exception {
		Path file = Path.of("..", "deploy", "kafka", "storage.properties");
		assertThat(file).isRegularFile();
		Properties compose = new Properties();
		try (var reader = Files.newBufferedReader(file)) {
			compose.load(reader);
		}
		KafkaConfig config = KafkaConfig.fromProps(compose, false);
		assertThat(config.controllerListenerNames().head()).isEqualTo("CONTROLLER");
		Properties tested = securedProperties(dir, 9092, 9093);
		for (String key : List.of("sasl.enabled.mechanisms", "sasl.mechanism.inter.broker.protocol",
				"authorizer.class.name", "allow.everyone.if.no.acl.found", "super.users")) {
			assertThat(tested.getProperty(key)).as(key).isEqualTo(compose.getProperty(key));
		}
	}

	@Test
	void aServicePublishingEventDeletedOnOnsiteAtlasTopicIsRefused() {
		for (String service : List.of(KafkaAcls.NOTIFICATION_SERVICE, KafkaAcls.LODGING_TRAVEL_SERVICE,
				KafkaAcls.REPORTING_SERVICE)) {
			assertThatThrownBy(() -> send(service, password(service), Topics.EVENTS, EVENT_DELETED)).as(service)
				.isInstanceOf(ExecutionException.class)
				.hasCauseInstanceOf(TopicAuthorizationException.class);
		}
	}

	@Test
	void onsiteAtlasPublishesEventDeletedAndEachConsumingServiceReadsIt() throws Exception {
		String key = "acl-test-" + Uuid.randomUuid();
		send(KafkaAcls.ONSITE_ATLAS, password(KafkaAcls.ONSITE_ATLAS), Topics.EVENTS, key, EVENT_DELETED);
		for (String service : List.of(KafkaAcls.NOTIFICATION_SERVICE, KafkaAcls.LODGING_TRAVEL_SERVICE,
				KafkaAcls.REPORTING_SERVICE)) {
			Map<String, Object> config = consumer(service, password(service), service);
			try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
				consumer.subscribe(List.of(Topics.EVENTS));
				List<String> keys = new ArrayList<>();
				await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
					consumer.poll(Duration.ofMillis(200)).forEach((record) -> keys.add(record.key()));
					assertThat(keys).as(service).contains(key);
				});
			}
		}
	}

	@Test
	void everyPrincipalWritesWhatItProducesAndNothingElse() throws Exception {
		for (KafkaAcls.Principal principal : KafkaAcls.all()) {
			for (String topic : Topics.all()) {
				if (principal.produces().contains(topic)) {
					send(principal.user(), password(principal.user()), topic, "{}");
				}
				else {
					assertThatThrownBy(() -> send(principal.user(), password(principal.user()), topic, "{}"))
						.as("%s on %s", principal.user(), topic)
						.hasCauseInstanceOf(TopicAuthorizationException.class);
				}
			}
		}
	}

	@Test
	void aServiceReadsNeitherTopicsItDoesNotConsumeNorThroughAnotherServicesGroup() {
		String lodging = KafkaAcls.LODGING_TRAVEL_SERVICE;
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				consumer(lodging, password(lodging), lodging))) {
			consumer.subscribe(List.of(Topics.NOTIFICATIONS));
			assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
				.isInstanceOf(TopicAuthorizationException.class);
		}
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				consumer(lodging, password(lodging), KafkaAcls.REPORTING_SERVICE))) {
			consumer.subscribe(List.of(Topics.EVENTS));
			assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
				.isInstanceOf(GroupAuthorizationException.class);
		}
	}

	@Test
	void aClientWithAWrongPasswordIsRefused() {
		assertThatThrownBy(() -> send(KafkaAcls.ONSITE_ATLAS, "not-the-password", Topics.EVENTS, EVENT_DELETED))
			.hasCauseInstanceOf(SaslAuthenticationException.class);
	}

	@Test
	void aClientThatDoesNotAuthenticateGetsNoMetadata() {
		Map<String, Object> config = new HashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.EVENTS, "k", EVENT_DELETED)).get())
				.isInstanceOf(ExecutionException.class)
				.hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
		}
	}

	private static void send(String user, String password, String topic, String value) throws Exception {
		send(user, password, topic, "k", value);
	}

	private static void send(String user, String password, String topic, String key, String value) throws Exception {
		Map<String, Object> config = client(user, password);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get(20, TimeUnit.SECONDS);
		}
	}

	private static Map<String, Object> consumer(String user, String password, String group) {
		Map<String, Object> config = client(user, password);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		return config;
	}

	private static Map<String, Object> client(String user, String password) {
		Map<String, Object> config = new HashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
		config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
		config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password));
		return config;
	}

	private static String jaas(String user, String password) {
		return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
				+ password + "\";";
	}

	private static String password(String user) {
		return user + "-test-password";
	}

	private static AclBinding allow(String principal, ResourceType type, String name, AclOperation operation) {
		return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
				new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
	}

	/**
	 * The embedded broker's settings with compose's security: the client listener speaks
	 * SASL_PLAINTEXT with SCRAM-SHA-512 (the broker's own connections sign in as the
	 * admin), the controller listener stays PLAINTEXT on the loopback address (its
	 * principal, ANONYMOUS, must be a super user for the broker to register).
	 */
	static Properties securedProperties(Path logDir, int port, int controllerPort) {
		Properties props = KafkaBroker.properties(logDir, "127.0.0.1", port, controllerPort);
		props.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		props.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
		props.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
		props.put("inter.broker.listener.name", "SASL_PLAINTEXT");
		props.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
		props.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
		props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", jaas(ADMIN, ADMIN_PASSWORD));
		props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		props.put("allow.everyone.if.no.acl.found", "false");
		props.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
		props.put("auto.create.topics.enable", "false");
		return props;
	}

}

package com.onsiteatlas.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import com.onsiteatlas.domainevents.KafkaAcls;
import com.onsiteatlas.domainevents.Topics;

import static com.onsiteatlas.deploy.Suite.BUSINESS_SERVICES;
import static com.onsiteatlas.deploy.Suite.GATEWAY;
import static com.onsiteatlas.deploy.Suite.PORTS;
import static com.onsiteatlas.deploy.Suite.REGISTRY;
import static com.onsiteatlas.deploy.Suite.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks docker-compose.yml (YAML anchors and merge keys resolved, as Compose resolves
 * them) and the service Dockerfiles it builds: start-up order by health, real
 * infrastructure, nothing exposed that need not be.
 */
@SuppressWarnings("unchecked")
class DockerComposeTests {

	/** Containers that run once and exit: the others wait for them to succeed. */
	private static final Set<String> ONE_SHOT = Set.of("kafka-format", "kafka-init");

	private static Path root;

	private static Map<String, Map<String, Object>> services;

	@BeforeAll
	static void loadCompose() throws IOException {
		root = Suite.repositoryRoot();
		Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
		services = (Map<String, Map<String, Object>>) compose.get("services");
	}

	static Set<String> suiteServices() {
		return Suite.SERVICES;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("suiteServices")
	void buildsEachServiceFromTheSharedDockerfileWithTheRootAsContext(String name) throws IOException {
		Map<String, Object> service = services.get(name);
		assertThat(service).as(name).isNotNull();
		assertThat((String) at(service, "build", "context")).isEqualTo(".");
		assertThat((String) at(service, "build", "dockerfile")).isEqualTo("Dockerfile");
		assertThat((String) at(service, "build", "args", "SERVICE")).isEqualTo(name);
		assertThat(String.valueOf((Object) at(service, "build", "args", "PORT")))
			.isEqualTo(String.valueOf(PORTS.get(name)));
		Path dockerfile = root.resolve("Dockerfile");
		assertThat(dockerfile).isRegularFile();
		String content = Files.readString(dockerfile);
		assertThat(content).as(dockerfile.toString())
			.contains("-pl ${SERVICE} -am")
			.contains("-Djarmode=tools")
			.contains("FROM eclipse-temurin:17-jre")
			.contains("EXPOSE ${PORT}")
			.contains("SERVER_PORT=${PORT}")
			.contains("MaxRAMPercentage=75")
			.containsPattern("(?m)^USER [1-9][0-9]*")
			.contains("HEALTHCHECK")
			.contains(":${SERVER_PORT}/actuator/health/readiness");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("suiteServices")
	void healthcheckProbesReadinessOnTheServicePort(String name) {
		List<String> test = at(services.get(name), "healthcheck", "test");
		assertThat(String.join(" ", test)).as(name)
			.contains("http://127.0.0.1:" + PORTS.get(name) + "/actuator/health/readiness");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("suiteServices")
	void stopGracePeriodCoversTheGracefulShutdown(String name) {
		String period = at(services.get(name), "stop_grace_period");
		assertThat(period).as(name).matches("[0-9]+s");
		assertThat(Integer.parseInt(period.replace("s", ""))).as(name).isGreaterThan(25);
	}

	@Test
	void servicesStartOnlyAfterTheirDependenciesAreHealthy() {
		Map<String, Set<String>> required = Map.of(GATEWAY, Set.of(REGISTRY), "notification-service",
				Set.of("mongo", "kafka-init", REGISTRY, "mailpit"), "lodging-travel-service",
				Set.of("mongo", "kafka-init", REGISTRY), "reporting-service",
				Set.of("mongo", "kafka-init", REGISTRY, "mailpit"), "kafka-init", Set.of("kafka"), "kafka",
				Set.of("kafka-format"));
		required.forEach((name, dependencies) -> {
			Map<String, Map<String, Object>> dependsOn = at(services.get(name), "depends_on");
			assertThat(dependsOn).as(name + " depends_on").containsKeys(dependencies.toArray(String[]::new));
			dependsOn.forEach((dependency, options) -> {
				if (ONE_SHOT.contains(dependency)) {
					assertThat(options).as("%s -> %s", name, dependency)
						.containsEntry("condition", "service_completed_successfully");
					assertThat((String) at(services.get(dependency), "restart")).as(dependency).isEqualTo("no");
					return;
				}
				assertThat(options).as("%s -> %s", name, dependency).containsEntry("condition", "service_healthy");
				assertThat((Object) at(services.get(dependency), "healthcheck", "test"))
					.as("%s has a healthcheck, or %s would never start", dependency, name)
					.isNotNull();
			});
		});
		assertThat((Object) at(services.get(REGISTRY), "depends_on")).as("the registry starts first").isNull();
	}

	@Test
	void mongoRunsAsAReplicaSetAndIsHealthyOnlyAsPrimary() {
		Map<String, Object> mongo = services.get("mongo");
		assertThat((String) mongo.get("image")).startsWith("mongo:7.0");
		List<String> command = (List<String>) mongo.get("command");
		assertThat(command).containsSubsequence("--replSet", "rs0");
		String check = String.join(" ", (List<String>) at(mongo, "healthcheck", "test"));
		assertThat(check).contains("rs.initiate(").contains("isWritablePrimary");
		for (String name : BUSINESS_SERVICES) {
			assertThat((String) at(services.get(name), "environment", "MONGODB_URI")).as(name)
				.startsWith("mongodb://mongo:27017/")
				.contains("replicaSet=rs0");
		}
	}

	@Test
	void kafkaRunsInKraftModeWithoutZooKeeper() {
		Map<String, Object> kafka = services.get("kafka");
		assertThat((String) kafka.get("image")).isEqualTo("apache/kafka:3.9.1");
		Map<String, Object> environment = (Map<String, Object>) kafka.get("environment");
		assertThat((String) environment.get("KAFKA_PROCESS_ROLES")).contains("broker").contains("controller");
		assertThat((String) environment.get("KAFKA_ADVERTISED_LISTENERS")).contains("//kafka:9092")
			.contains("//localhost:29092");
		assertThat(environment.keySet()).noneMatch((key) -> key.contains("ZOOKEEPER"));
		assertThat(services).allSatisfy(
				(name, service) -> assertThat(name + service.get("image")).doesNotContainIgnoringCase("zookeeper"));
		assertThat(String.join(" ", (List<String>) at(kafka, "healthcheck", "test")))
			.contains("/opt/kafka/bin/kafka-broker-api-versions.sh");
		for (String name : BUSINESS_SERVICES) {
			assertThat((String) at(services.get(name), "environment", "KAFKA_BOOTSTRAP_SERVERS")).as(name)
				.isEqualTo("kafka:9092");
		}
	}

	@Test
	void onlyTheGatewayMailpitUiAndKafkaHostListenerArePublished() {
		Map<String, List<String>> published = new TreeMap<>();
		services.forEach((name, service) -> {
			List<String> ports = (List<String>) service.get("ports");
			if (ports != null) {
				published.put(name, ports);
			}
		});
		assertThat(published).containsOnlyKeys(GATEWAY, "mailpit", "kafka");
		assertThat(published.get(GATEWAY)).containsExactly("8080:8080");
		assertThat(published.get("mailpit")).containsExactly("8025:8025");
		assertThat(published.get("kafka")).containsExactly("127.0.0.1:29092:29092");
	}

	@Test
	void gatewayReachesTheLegacyBackendOnTheHostByDefault() {
		Map<String, Object> gateway = services.get(GATEWAY);
		assertThat((String) at(gateway, "environment", "LEGACY_BACKEND_URL"))
			.isEqualTo("${LEGACY_BACKEND_URL:-http://host.docker.internal:5000}");
		assertThat((List<String>) gateway.get("extra_hosts")).contains("host.docker.internal:host-gateway");
		assertThat((Map<String, Object>) gateway.get("environment")).containsKeys("JWT_SECRET",
				"ATLAS_INTERNAL_TOKEN_SECRET", "CLIENT_URL", "EUREKA_URL");
	}

	@Test
	void everyEurekaClientSignsInWithTheRegistrysAccount() {
		Map<String, Object> registry = services.get("registry-service");
		assertThat((Map<String, Object>) registry.get("environment")).containsEntry("ATLAS_REGISTRY_PASSWORD",
				"${ATLAS_REGISTRY_PASSWORD:-dev-only-registry-password}");
		services.forEach((name, service) -> {
			Map<String, Object> environment = (Map<String, Object>) service.get("environment");
			if (environment != null && environment.containsKey("EUREKA_URL")) {
				assertThat(String.valueOf(environment.get("EUREKA_URL"))).as(name)
					.isEqualTo(
							"http://${ATLAS_REGISTRY_USER:-atlas}:${ATLAS_REGISTRY_PASSWORD:-dev-only-registry-password}"
									+ "@registry-service:8761/eureka/");
			}
		});
	}

	@Test
	void everyApplicationIsToldItRunsOnADevelopmentStackAndEveryServiceGetsTheEncryptionKey() {
		for (String name : List.of("registry-service", "gateway-service", "notification-service",
				"lodging-travel-service", "reporting-service")) {
			Map<String, Object> environment = (Map<String, Object>) services.get(name).get("environment");
			assertThat(environment).as(name)
				.containsEntry("ATLAS_DEV_DEFAULTS_ALLOWED", "${ATLAS_DEV_DEFAULTS_ALLOWED:-true}");
			if (!name.equals("registry-service") && !name.equals("gateway-service")) {
				assertThat(environment).as(name).containsKey("ATLAS_ENCRYPTION_KEY");
			}
		}
	}

	@Test
	void everyServiceThatEncryptsGetsADevelopmentKeyringPerPurpose() {
		String encryptionKey = null;
		for (String name : List.of("notification-service", "lodging-travel-service", "reporting-service")) {
			Map<String, Object> environment = (Map<String, Object>) services.get(name).get("environment");
			encryptionKey = defaultOf(environment, "ATLAS_ENCRYPTION_KEY");
			Set<String> keys = new HashSet<>();
			for (String purpose : List.of("PROVIDER_SECRETS", "DOCUMENTS", "EXPORT_FILES", "UNSUBSCRIBE_LINKS")) {
				String current = "ATLAS_CRYPTO_" + purpose + "_CURRENT";
				assertThat(environment).as(name).containsEntry(current, "${" + current + ":-dev1}");
				String key = defaultOf(environment, "ATLAS_CRYPTO_" + purpose + "_KEYS_DEV1");
				assertThat(Base64.getDecoder().decode(key)).as("%s %s key", name, purpose).hasSize(32);
				keys.add(key);
			}
			// One key per purpose, none of them ATLAS_ENCRYPTION_KEY itself.
			assertThat(keys).as(name).hasSize(4).doesNotContain(encryptionKey);
		}
	}

	/** The dev-only default of a {@code ${NAME:-default}} variable. */
	private static String defaultOf(Map<String, Object> environment, String name) {
		String value = String.valueOf(environment.get(name));
		assertThat(value).as(name).matches("\\$\\{" + name + ":-[^}]+}");
		return value.substring(name.length() + 4, value.length() - 1);
	}

	@Test
	void secretsAreOverridableWithDevOnlyDefaults() {
		services.forEach((name, service) -> {
			Map<String, Object> environment = (Map<String, Object>) service.get("environment");
			if (environment == null) {
				return;
			}
			environment.forEach((key, value) -> {
				if (key.equals("KAFKA_SASL_PASSWORD")) {
					// One variable per Kafka user; checked by
					// everyBusinessServiceSignsInToKafkaAsItsOwnUser.
					assertThat(String.valueOf(value)).as("%s %s", name, key)
						.matches("\\$\\{KAFKA_[A-Z_]+_PASSWORD:-dev-only-kafka-password-[^}]+}");
				}
				else if (key.endsWith("SECRET") || key.endsWith("PASSWORD") || key.endsWith("_KEY")
						|| key.contains("_KEYS_")) {
					assertThat(String.valueOf(value)).as("%s %s", name, key).matches("\\$\\{" + key + ":-[^}]+}");
				}
			});
		});
	}

	@Test
	void kafkaAuthenticatesEveryClientListenerAndAuthorizesByAclsOnly() {
		Map<String, Object> environment = at(services.get("kafka"), "environment");
		Map<String, String> protocols = new TreeMap<>();
		for (String entry : ((String) environment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).split(",")) {
			protocols.put(entry.split(":")[0], entry.split(":")[1]);
		}
		String controller = (String) environment.get("KAFKA_CONTROLLER_LISTENER_NAMES");
		for (String listener : ((String) environment.get("KAFKA_LISTENERS")).split(",")) {
			String name = listener.substring(0, listener.indexOf("://"));
			String host = listener.substring(listener.indexOf("://") + 3, listener.lastIndexOf(':'));
			if (name.equals(controller)) {
				assertThat(host).as("the PLAINTEXT controller listener is reachable only from inside the container")
					.isEqualTo("127.0.0.1");
			}
			else {
				assertThat(protocols.get(name)).as("client listener %s", name).isIn("SASL_PLAINTEXT", "SASL_SSL");
			}
		}
		for (String listener : ((String) environment.get("KAFKA_ADVERTISED_LISTENERS")).split(",")) {
			String name = listener.substring(0, listener.indexOf("://"));
			assertThat(protocols.get(name)).as("advertised %s", name).isIn("SASL_PLAINTEXT", "SASL_SSL");
		}
		assertThat(protocols.values()).doesNotContain("PLAINTEXT_HOST");
		assertThat(environment).containsEntry("KAFKA_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512")
			.containsEntry("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL", "SCRAM-SHA-512")
			.containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
			.containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
			.containsEntry("KAFKA_SUPER_USERS", "User:admin;User:ANONYMOUS")
			.containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
		assertThat(String.valueOf(environment.get("KAFKA_LISTENER_NAME_INTERNAL_SCRAM___SHA___512_SASL_JAAS_CONFIG")))
			.contains("username=\"admin\"")
			.contains("password=\"${KAFKA_ADMIN_PASSWORD:-dev-only-kafka-password-admin}\"");
		assertThat(String.join(" ", (List<String>) at(services.get("kafka"), "healthcheck", "test")))
			.contains("--command-config")
			.contains("security.protocol=SASL_PLAINTEXT");
		// The admin exists from the first start: kafka-format bootstraps it into the
		// metadata.
		assertThat((List<String>) at(services.get("kafka-format"), "command")).containsSubsequence("--add-scram",
				"SCRAM-SHA-512=[name=admin,password=${KAFKA_ADMIN_PASSWORD:-dev-only-kafka-password-admin}]");
	}

	@Test
	void kafkaFormatUsesTheBrokersOwnSettingsAndVolume() throws IOException {
		Map<String, Object> environment = at(services.get("kafka"), "environment");
		Properties storage = new Properties();
		try (var reader = Files.newBufferedReader(root.resolve("deploy/kafka/storage.properties"))) {
			storage.load(reader);
		}
		storage.forEach((key,
				value) -> assertThat(String.valueOf(environment.get("KAFKA_"
						+ ((String) key).toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace("-", "___"))))
					.as("%s", key)
					.isEqualTo(value));
		List<String> command = at(services.get("kafka-format"), "command");
		assertThat(command).containsSubsequence("--cluster-id", (String) environment.get("CLUSTER_ID"));
		assertThat((List<String>) services.get("kafka-format").get("volumes"))
			.contains("kafka-data:" + environment.get("KAFKA_LOG_DIRS"));
		assertThat((List<String>) services.get("kafka").get("volumes"))
			.contains("kafka-data:" + environment.get("KAFKA_LOG_DIRS"));
	}

	static Set<String> businessServices() {
		return BUSINESS_SERVICES;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("businessServices")
	void everyBusinessServiceSignsInToKafkaAsItsOwnUser(String name) {
		Map<String, Object> environment = at(services.get(name), "environment");
		assertThat(KafkaAcls.of(name)).as("a principal of KafkaAcls").isPresent();
		String variable = "KAFKA_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PASSWORD";
		String value = "${" + variable + ":-dev-only-kafka-password-" + name + "}";
		assertThat(environment).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
			.containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
			.containsEntry("KAFKA_SASL_USERNAME", name)
			.containsEntry("KAFKA_SASL_PASSWORD", value)
			.containsEntry("ATLAS_KAFKA_CREATE_TOPICS", "false");
		assertThat((Map<String, Object>) at(services.get("kafka-init"), "environment")).containsEntry(variable, value);
		assertThat((String) at(services.get(name), "depends_on", "kafka-init", "condition"))
			.isEqualTo("service_completed_successfully");
	}

	@Test
	void kafkaInitCreatesEveryUserAndTopicAndExactlyTheAclsOfKafkaAcls() throws IOException {
		Map<String, Object> init = services.get("kafka-init");
		assertThat((List<String>) init.get("volumes"))
			.contains("./deploy/kafka/kafka-init.sh:/etc/atlas-kafka/kafka-init.sh:ro");
		Map<String, Object> environment = (Map<String, Object>) init.get("environment");
		assertThat(environment).containsEntry("KAFKA_ADMIN_PASSWORD",
				"${KAFKA_ADMIN_PASSWORD:-dev-only-kafka-password-admin}");
		List<String> lines = scriptLines(root.resolve("deploy/kafka/kafka-init.sh"));
		Set<String> actual = new TreeSet<>();
		Set<String> users = new TreeSet<>();
		List<String> topics = new ArrayList<>();
		for (String line : lines) {
			List<String> words = List.of(line.trim().split("\\s+"));
			if (words.get(0).equals("user")) {
				users.add(words.get(1));
				String variable = "KAFKA_" + words.get(1).toUpperCase(java.util.Locale.ROOT).replace('-', '_')
						+ "_PASSWORD";
				assertThat(words.get(2)).isEqualTo("\"${" + variable + ":?}\"");
				assertThat(environment).as("kafka-init's environment").containsKey(variable);
			}
			else if (line.trim().startsWith("for name in")) {
				topics.addAll(words.subList(3, words.indexOf("do") - 0));
			}
			else if (words.get(0).equals("allow")) {
				actual.addAll(grants(words));
			}
		}
		topics.replaceAll((topic) -> topic.replace(";", ""));
		topics.remove("");
		assertThat(topics).containsExactlyElementsOf(Topics.all());
		Set<String> expected = new TreeSet<>();
		for (KafkaAcls.Principal principal : KafkaAcls.all()) {
			principal.writes().forEach((topic) -> {
				expected.add(principal.user() + " Write topic " + topic);
				expected.add(principal.user() + " Describe topic " + topic);
			});
			principal.reads().forEach((topic) -> {
				expected.add(principal.user() + " Read topic " + topic);
				expected.add(principal.user() + " Describe topic " + topic);
			});
			principal.groups().forEach((group) -> expected.add(principal.user() + " Read group " + group));
		}
		assertThat(users)
			.containsExactlyInAnyOrderElementsOf(KafkaAcls.all().stream().map(KafkaAcls.Principal::user).toList());
		assertThat(actual).containsExactlyElementsOf(expected);
	}

	/**
	 * One `allow <user> --operation X --topic T --group G` line as "user X topic T"
	 * grants.
	 */
	private static List<String> grants(List<String> words) {
		String user = words.get(1);
		List<String> operations = new ArrayList<>();
		List<String> resources = new ArrayList<>();
		for (int i = 2; i < words.size() - 1; i += 2) {
			switch (words.get(i)) {
				case "--operation" -> operations.add(words.get(i + 1));
				case "--topic" -> resources.add("topic " + words.get(i + 1));
				case "--group" -> resources.add("group " + words.get(i + 1));
				default -> throw new AssertionError("Unexpected option in " + words);
			}
		}
		List<String> grants = new ArrayList<>();
		operations.forEach(
				(operation) -> resources.forEach((resource) -> grants.add(user + " " + operation + " " + resource)));
		return grants;
	}

	/** The script's lines with continuation lines joined and comments dropped. */
	private static List<String> scriptLines(Path script) throws IOException {
		String joined = Files.readString(script).replace("\\\n", " ");
		return joined.lines().filter((line) -> !line.isBlank() && !line.trim().startsWith("#")).toList();
	}

}

package com.onsiteatlas.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

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
				Set.of("mongo", "kafka", REGISTRY, "mailpit"), "lodging-travel-service",
				Set.of("mongo", "kafka", REGISTRY), "reporting-service", Set.of("mongo", "kafka", REGISTRY, "mailpit"));
		required.forEach((name, dependencies) -> {
			Map<String, Map<String, Object>> dependsOn = at(services.get(name), "depends_on");
			assertThat(dependsOn).as(name + " depends_on").containsKeys(dependencies.toArray(String[]::new));
			dependsOn.forEach((dependency, options) -> {
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
				if (key.endsWith("SECRET") || key.endsWith("PASSWORD") || key.endsWith("_KEY")
						|| key.contains("_KEYS_")) {
					assertThat(String.valueOf(value)).as("%s %s", name, key).matches("\\$\\{" + key + ":-[^}]+}");
				}
			});
		});
	}

}

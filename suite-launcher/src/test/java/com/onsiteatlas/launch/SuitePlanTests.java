package com.onsiteatlas.launch;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.onsiteatlas.launch.ProcessSpec.Role;
import com.onsiteatlas.launch.SuitePlan.Part;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuitePlanTests {

	private static final Path ROOT = Path.of("/repo");

	@Test
	void startsInfrastructureThenRegistryThenServicesAndGateway() {
		SuitePlan plan = SuitePlan.fromEnvironment(ROOT, Map.of());

		assertThat(plan.processes()).extracting(ProcessSpec::name)
			.containsExactly("embedded-infra", "registry-service", "notification-service", "lodging-travel-service",
					"reporting-service", "gateway-service");
		assertThat(plan.processes(Role.SERVICE)).extracting(ProcessSpec::port).containsExactly(8081, 8082, 8083, 8080);
	}

	@Test
	void wiresEveryServiceToTheEmbeddedInfrastructureOnTheFixedPorts() {
		SuitePlan plan = SuitePlan.fromEnvironment(ROOT, Map.of());

		Map<String, String> lodging = plan.process("lodging-travel-service").env();
		assertThat(lodging).containsEntry("MONGODB_URI", "mongodb://localhost:27102")
			.containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
			.containsEntry("EUREKA_URL", "http://atlas:dev-only-registry-password@localhost:8761/eureka/")
			.containsEntry("SMTP_HOST", "localhost")
			.containsEntry("SMTP_PORT", "3025")
			.containsEntry("LEGACY_BACKEND_URL", "http://localhost:8090")
			.containsEntry("ATLAS_DATA_DIR", "/repo/.atlas/data")
			.containsEntry("SERVER_PORT", "8082")
			.containsEntry("JWT_SECRET", "dev-jwt-secret-change-me-0123456789abcdef");
		assertThat(plan.process("embedded-infra").env()).containsEntry("ATLAS_EMBEDDED_KAFKA", "true")
			.containsEntry("ATLAS_EMBEDDED_MONGO", "true")
			.containsEntry("ATLAS_KAFKA_PORT", "9092")
			.containsEntry("ATLAS_MAIL_UI_PORT", "8025");
		assertThat(plan.process("embedded-infra").jvmOptions()).startsWith("-Xmx512m");
	}

	@Test
	void usesExternalServersWhereTheirVariablesAreSet() {
		SuitePlan plan = SuitePlan.fromEnvironment(ROOT,
				Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092", "MONGODB_URI", "mongodb://db:27017",
						"REPORTING_MONGODB_URI", "mongodb://reports:27017", "SMTP_HOST", "smtp.example.org",
						"JWT_SECRET", "mine"));

		assertThat(plan.embeds(Part.KAFKA)).isFalse();
		assertThat(plan.embeds(Part.MONGO)).isFalse();
		assertThat(plan.embeds(Part.MAIL)).isFalse();
		assertThat(plan.embeds(Part.LEGACY)).isTrue();
		assertThat(plan.process("embedded-infra").env()).containsEntry("ATLAS_EMBEDDED_KAFKA", "false")
			.containsEntry("ATLAS_EMBEDDED_LEGACY", "true");
		assertThat(plan.process("notification-service").env()).containsEntry("MONGODB_URI", "mongodb://db:27017")
			.containsEntry("KAFKA_BOOTSTRAP_SERVERS", "broker:9092")
			.containsEntry("JWT_SECRET", "mine")
			.doesNotContainKey("SMTP_HOST");
		assertThat(plan.process("reporting-service").env()).containsEntry("MONGODB_URI", "mongodb://reports:27017");
	}

	@Test
	void startsNoInfrastructureWhenEverythingIsExternal() {
		SuitePlan plan = SuitePlan.fromEnvironment(ROOT,
				Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092", "NOTIFICATION_MONGODB_URI", "mongodb://a",
						"LODGING_MONGODB_URI", "mongodb://b", "REPORTING_MONGODB_URI", "mongodb://c", "SMTP_HOST",
						"smtp", "LEGACY_BACKEND_URL", "http://legacy:5000"));

		assertThat(plan.processes(Role.INFRA)).isEmpty();
		assertThat(plan.process("gateway-service").env()).containsEntry("LEGACY_BACKEND_URL", "http://legacy:5000");
	}

	@Test
	void takesOtherPortsAndJavaOptionsFromTheEnvironment() {
		SuitePlan plan = SuitePlan.fromEnvironment(ROOT, Map.of("ATLAS_GATEWAY_PORT", "18080", "ATLAS_REGISTRY_PORT",
				"18761", "ATLAS_KAFKA_PORT", "19092", "ATLAS_JAVA_OPTS", "-Dx=1  -Dy=2", "ATLAS_TIMEOUT", "400"));

		assertThat(plan.gatewayUrl()).isEqualTo("http://localhost:18080");
		assertThat(plan.process("notification-service").env())
			.containsEntry("EUREKA_URL", "http://atlas:dev-only-registry-password@localhost:18761/eureka/")
			.containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:19092");
		assertThat(plan.process("gateway-service").jvmOptions()).containsExactly("-Xmx384m", "-XX:TieredStopAtLevel=1",
				"-Dx=1", "-Dy=2");
		assertThat(plan.timeout()).hasSeconds(400);
	}

	@Test
	void letsTheServicesReachTheLocalStandInsAsOrganiserDestinationsUnlessTheCallerSaysOtherwise() {
		SuitePlan plan = SuitePlan.fromEnvironment(ROOT, Map.of());
		assertThat(plan.process("notification-service").env()).containsEntry("ATLAS_DESTINATIONS_ALLOWED_HOSTS",
				"127.0.0.1,localhost,::1");
		assertThat(plan.process("reporting-service").env()).containsEntry("ATLAS_DESTINATIONS_ALLOWED_HOSTS",
				"127.0.0.1,localhost,::1");
		SuitePlan narrowed = SuitePlan.fromEnvironment(ROOT, Map.of("ATLAS_DESTINATIONS_ALLOWED_HOSTS", "10.0.0.0/8"));
		assertThat(narrowed.process("notification-service").env()).containsEntry("ATLAS_DESTINATIONS_ALLOWED_HOSTS",
				"10.0.0.0/8");
	}

	@Test
	void givesTheRegistryItsAccountAndEveryClientAUrlThatSignsIn() {
		SuitePlan plan = SuitePlan.fromEnvironment(ROOT,
				Map.of("ATLAS_REGISTRY_USER", "ops", "ATLAS_REGISTRY_PASSWORD", "p@ss:w/rd"));

		assertThat(plan.process("registry-service").env()).containsEntry("ATLAS_REGISTRY_USER", "ops")
			.containsEntry("ATLAS_REGISTRY_PASSWORD", "p@ss:w/rd");
		for (String name : List.of("registry-service", "gateway-service", "notification-service")) {
			assertThat(plan.process(name).env()).as(name).containsEntry("ATLAS_DEV_DEFAULTS_ALLOWED", "true");
		}
		assertThat(plan.process("gateway-service").env()).containsEntry("EUREKA_URL",
				"http://ops:p%40ss%3Aw%2Frd@localhost:8761/eureka/");
		HttpRequest request = Probes.withBasicAuthFromUserInfo(URI.create(plan.eurekaUrl() + "apps")).build();
		assertThat(request.uri()).hasToString("http://localhost:8761/eureka/apps");
		assertThat(request.headers().firstValue("Authorization"))
			.hasValue("Basic " + Base64.getEncoder().encodeToString("ops:p@ss:w/rd".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void isolatedPlanRunsOneProcessPerInfrastructurePartOnFreePorts() {
		SuitePlan plan = SuitePlan.isolated(ROOT, Path.of("/tmp/run"))
			.serviceEnv("ATLAS_KAFKA_PARTITIONS", "3")
			.gatewayEnv("ATLAS_GATEWAY_RATELIMIT_REQUESTSPERMINUTE", "1000000")
			.build();

		assertThat(plan.processes(Role.INFRA)).extracting(ProcessSpec::name)
			.containsExactlyElementsOf(SuitePlan.INFRA_PARTS);
		Map<String, String> mongo = plan.process("mongo-lodging").env();
		assertThat(mongo).containsEntry("ATLAS_EMBEDDED_MONGO", "true")
			.containsEntry("ATLAS_EMBEDDED_KAFKA", "false")
			.containsEntry("ATLAS_MONGO_STORES", "lodging-travel");
		assertThat(plan.process("lodging-travel-service").env())
			.containsEntry("MONGODB_URI", "mongodb://127.0.0.1:" + mongo.get("ATLAS_MONGO_LODGING_PORT"))
			.containsEntry("ATLAS_KAFKA_PARTITIONS", "3")
			.containsEntry("ATLAS_DEV_DEFAULTS_ALLOWED", "true")
			.doesNotContainKey("ATLAS_GATEWAY_RATELIMIT_REQUESTSPERMINUTE");
		assertThat(plan.process("gateway-service").env()).containsEntry("ATLAS_GATEWAY_RATELIMIT_REQUESTSPERMINUTE",
				"1000000");
		assertThat(plan.process("kafka").env().get("ATLAS_KAFKA_PORT")).isNotEqualTo("9092");
		assertThat(plan.layout().log("kafka")).isEqualTo(Path.of("/tmp/run/logs/kafka.log"));
	}

	@Test
	void aSecondInstanceKeepsTheFirstOnesWiringOnItsOwnPort() {
		SuitePlan plan = SuitePlan.isolated(ROOT, Path.of("/tmp/run")).build();

		ProcessSpec second = plan.process("notification-service").instance("notification-service-2", 12345);

		assertThat(second.module()).isEqualTo("notification-service");
		assertThat(second.env()).containsEntry("SERVER_PORT", "12345")
			.containsEntry("MONGODB_URI", plan.mongoUri("notification-service"));
	}

	@Test
	void namesJarsWithTheVersionTheBuildGaveIt() {
		SuitePlan plan = SuitePlan.fromEnvironment(ROOT, Map.of());

		assertThat(SuitePlan.version()).isNotBlank().doesNotContain("${");
		assertThat(plan.jar("gateway-service"))
			.isEqualTo(ROOT.resolve("gateway-service/target/gateway-service-" + SuitePlan.version() + ".jar"));
	}

}

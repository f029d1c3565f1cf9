package com.onsiteatlas.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import com.onsiteatlas.domainevents.KafkaAcls;
import com.onsiteatlas.domainevents.Topics;

import static com.onsiteatlas.deploy.Suite.BUSINESS_SERVICES;
import static com.onsiteatlas.deploy.Suite.GATEWAY;
import static com.onsiteatlas.deploy.Suite.PORTS;
import static com.onsiteatlas.deploy.Suite.REGISTRY;
import static com.onsiteatlas.deploy.Suite.SERVICES;
import static com.onsiteatlas.deploy.Suite.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Renders each overlay with {@code kubectl kustomize}, as {@code kubectl apply -k} would,
 * and checks what a reviewer of the cluster would: probes, shutdown, security,
 * configuration, scaling and network exposure.
 */
@SuppressWarnings("unchecked")
class KustomizeManifestsTests {

	private static final String NAMESPACE = "onsite-atlas";

	private static final Set<String> SECRET_KEYS = Set.of("JWT_SECRET", "ATLAS_INTERNAL_TOKEN_SECRET",
			"ATLAS_ENCRYPTION_KEY", "SMTP_PASSWORD", "MONGODB_URI", "ATLAS_REGISTRY_PASSWORD",
			"ATLAS_CRYPTO_PROVIDER_SECRETS_KEYS_DEV1", "ATLAS_CRYPTO_DOCUMENTS_KEYS_DEV1",
			"ATLAS_CRYPTO_EXPORT_FILES_KEYS_DEV1", "ATLAS_CRYPTO_UNSUBSCRIBE_LINKS_KEYS_DEV1",
			"ATLAS_CRYPTO_PROVIDER_SECRETS_CURRENT", "ATLAS_CRYPTO_DOCUMENTS_CURRENT",
			"ATLAS_CRYPTO_EXPORT_FILES_CURRENT", "ATLAS_CRYPTO_UNSUBSCRIBE_LINKS_CURRENT");

	private static final List<String> PURPOSES = List.of("PROVIDER_SECRETS", "DOCUMENTS", "EXPORT_FILES",
			"UNSUBSCRIBE_LINKS");

	private static final String HASH_SUFFIX = "-[a-z0-9]{10}";

	private static final Map<String, List<Map<String, Object>>> rendered = new ConcurrentHashMap<>();

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "dev", "prod" })
	void deploymentsAndServicesAreTheFiveServices(String overlay) {
		var docs = render(overlay);
		assertThat(byName(docs, "Deployment").keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
		assertThat(byName(docs, "Service").keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
		for (Map<String, Object> doc : docs) {
			if (!"Namespace".equals(doc.get("kind"))) {
				assertThat((String) at(doc, "metadata", "namespace")).as(describe(doc)).isEqualTo(NAMESPACE);
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "dev", "prod" })
	void everyDeploymentProbesTheHealthGroupsOnItsOwnPort(String overlay) {
		byName(render(overlay), "Deployment").forEach((name, deployment) -> {
			Map<String, Object> container = onlyContainer(deployment);
			assertThat((Integer) at(container, "ports", 0, "containerPort")).as(name).isEqualTo(PORTS.get(name));
			assertProbe(name, container, "livenessProbe", "/actuator/health/liveness");
			assertProbe(name, container, "readinessProbe", "/actuator/health/readiness");
			assertThat((Object) at(container, "startupProbe", "httpGet", "path")).as(name + " startupProbe")
				.isNotNull();
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "dev", "prod" })
	void everyDeploymentHasResourcesAndDrainsBeforeShutdown(String overlay) {
		byName(render(overlay), "Deployment").forEach((name, deployment) -> {
			Map<String, Object> container = onlyContainer(deployment);
			for (String bound : List.of("requests", "limits")) {
				for (String resource : List.of("cpu", "memory")) {
					assertThat((Object) at(container, "resources", bound, resource))
						.as("%s resources.%s.%s", name, bound, resource)
						.isNotNull();
				}
			}
			List<String> preStop = at(container, "lifecycle", "preStop", "exec", "command");
			assertThat(preStop).as(name + " preStop").isNotNull().first().isEqualTo("sleep");
			int preStopSeconds = Integer.parseInt(preStop.get(1));
			// Boot's spring.lifecycle.timeout-per-shutdown-phase is 25 s; SIGKILL must
			// not cut it short.
			assertThat((Integer) at(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds"))
				.as(name + " terminationGracePeriodSeconds")
				.isGreaterThan(preStopSeconds + 25);
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "dev", "prod" })
	void everyDeploymentRunsAsNonRootOnAReadOnlyRootFilesystem(String overlay) {
		byName(render(overlay), "Deployment").forEach((name, deployment) -> {
			Map<String, Object> pod = at(deployment, "spec", "template", "spec");
			Map<String, Object> container = onlyContainer(deployment);
			assertThat((Boolean) at(pod, "securityContext", "runAsNonRoot")).as(name + " runAsNonRoot").isTrue();
			assertThat((String) at(pod, "securityContext", "seccompProfile", "type")).as(name + " seccomp")
				.isEqualTo("RuntimeDefault");
			assertThat((Boolean) at(container, "securityContext", "readOnlyRootFilesystem"))
				.as(name + " readOnlyRootFilesystem")
				.isTrue();
			assertThat((Boolean) at(container, "securityContext", "allowPrivilegeEscalation"))
				.as(name + " allowPrivilegeEscalation")
				.isFalse();
			assertThat((List<String>) at(container, "securityContext", "capabilities", "drop"))
				.as(name + " dropped capabilities")
				.contains("ALL");
			List<Map<String, Object>> mounts = at(container, "volumeMounts");
			String tmpVolume = mounts.stream()
				.filter((mount) -> "/tmp".equals(mount.get("mountPath")))
				.map((mount) -> (String) mount.get("name"))
				.findFirst()
				.orElseThrow(() -> new AssertionError(name + " mounts nothing on /tmp"));
			List<Map<String, Object>> volumes = at(pod, "volumes");
			assertThat(volumes).as(name + " volumes")
				.anySatisfy((volume) -> assertThat(volume).containsEntry("name", tmpVolume).containsKey("emptyDir"));
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "dev", "prod" })
	void everyDeploymentReadsTheSharedConfigMapAndSecret(String overlay) {
		var docs = render(overlay);
		Set<String> configMaps = byName(docs, "ConfigMap").keySet();
		Set<String> secrets = byName(docs, "Secret").keySet();
		byName(docs, "Deployment").forEach((name, deployment) -> {
			List<Map<String, Object>> envFrom = at(onlyContainer(deployment), "envFrom");
			assertThat(envFrom).as(name + " envFrom").isNotNull();
			String configMap = envFrom.stream()
				.map((source) -> (String) at(source, "configMapRef", "name"))
				.filter(Objects::nonNull)
				.findFirst()
				.orElseThrow(() -> new AssertionError(name + " reads no ConfigMap"));
			String secret = envFrom.stream()
				.map((source) -> (String) at(source, "secretRef", "name"))
				.filter(Objects::nonNull)
				.findFirst()
				.orElseThrow(() -> new AssertionError(name + " reads no Secret"));
			assertThat(configMap).matches("atlas-config(" + HASH_SUFFIX + ")?").isIn(configMaps);
			List<Map<String, Object>> env = at(onlyContainer(deployment), "env");
			assertThat(env).as(name + " env")
				.contains(Map.of("name", "EUREKA_URL", "value",
						"http://$(ATLAS_REGISTRY_USER):$(ATLAS_REGISTRY_PASSWORD)@$(ATLAS_REGISTRY_ADDRESS)/eureka/"));
			if (overlay.equals("prod")) {
				// Created out of band under exactly this name.
				assertThat(secret).isEqualTo("atlas-secrets");
			}
			else {
				assertThat(secret).matches("atlas-secrets" + HASH_SUFFIX).isIn(secrets);
			}
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "dev", "prod" })
	void configMapHoldsTheSharedSettingsAndNoSecrets(String overlay) {
		Map<String, Object> data = at(only(ofKind(render(overlay), "ConfigMap")), "data");
		assertThat(data).containsKeys("ATLAS_REGISTRY_ADDRESS", "ATLAS_REGISTRY_USER", "KAFKA_BOOTSTRAP_SERVERS",
				"LEGACY_BACKEND_URL", "CLIENT_URL", "SMTP_HOST", "SMTP_PORT", "ATLAS_KAFKA_PARTITIONS",
				"MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED");
		assertThat(data).containsEntry("ATLAS_REGISTRY_ADDRESS", "registry-service:8761")
			.doesNotContainKey("EUREKA_URL");
		assertThat(data.keySet()).doesNotContainAnyElementsOf(SECRET_KEYS)
			.noneMatch((key) -> key.contains("SECRET") || key.contains("PASSWORD") || key.contains("KEY"))
			// Each service picks its own database name.
			.doesNotContain("MONGODB_DATABASE");
	}

	@Test
	void prodTellsTheGatewayWhichProxiesToBelieve() {
		Map<String, Object> data = at(only(ofKind(render("prod"), "ConfigMap")), "data");
		assertThat(data).containsKey("ATLAS_TRUSTED_PROXIES");
		assertThat((String) data.get("ATLAS_TRUSTED_PROXIES")).matches("[0-9a-f.:/,]+");
	}

	@Test
	void onlyTheDevOverlayAllowsTheDevelopmentSecrets() {
		assertThat((Map<String, Object>) at(only(ofKind(render("dev"), "ConfigMap")), "data"))
			.containsEntry("ATLAS_DEV_DEFAULTS_ALLOWED", "true");
		assertThat((Map<String, Object>) at(only(ofKind(render("prod"), "ConfigMap")), "data"))
			.doesNotContainKey("ATLAS_DEV_DEFAULTS_ALLOWED");
	}

	@Test
	void prodRendersNoSecretAtAll() {
		assertThat(ofKind(render("prod"), "Secret")).isEmpty();
	}

	@Test
	void devGeneratesTheSecretWithEveryKeyTheServicesRead() {
		Map<String, String> data = at(only(ofKind(render("dev"), "Secret").stream()
			.filter((secret) -> ((String) at(secret, "metadata", "name")).startsWith("atlas-secrets"))
			.toList()), "data");
		assertThat(data.keySet()).containsExactlyInAnyOrderElementsOf(SECRET_KEYS);
		byte[] key = Base64.getDecoder().decode(decode(data.get("ATLAS_ENCRYPTION_KEY")));
		assertThat(key).as("AES-256 key length").hasSize(32);
		assertThat(decode(data.get("JWT_SECRET"))).as("HS256 needs 32+ bytes").hasSizeGreaterThanOrEqualTo(32);
		assertThat(decode(data.get("ATLAS_INTERNAL_TOKEN_SECRET"))).hasSizeGreaterThanOrEqualTo(32);
		assertThat(decode(data.get("MONGODB_URI"))).contains("replicaSet=");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "dev", "prod", "prod-strimzi" })
	void everyBusinessServiceSignsInToKafkaAsItsOwnUserWithItsOwnSecret(String overlay) {
		var docs = render(overlay);
		Map<String, Object> config = at(only(ofKind(docs, "ConfigMap")), "data");
		assertThat((String) config.get("KAFKA_SECURITY_PROTOCOL"))
			.isEqualTo(overlay.startsWith("prod") ? "SASL_SSL" : "SASL_PLAINTEXT");
		assertThat(config).containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
		byName(docs, "Deployment").forEach((name, deployment) -> {
			List<Map<String, Object>> env = at(onlyContainer(deployment), "env");
			Map<String, Map<String, Object>> byVariable = env.stream()
				.collect(Collectors.toMap((variable) -> (String) variable.get("name"), Function.identity()));
			if (!BUSINESS_SERVICES.contains(name)) {
				assertThat(byVariable).as(name).doesNotContainKeys("KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD");
				return;
			}
			assertThat(KafkaAcls.of(name)).as("a principal of KafkaAcls").isPresent();
			assertThat(byVariable.get("KAFKA_SASL_USERNAME")).as(name).containsEntry("value", name);
			// A Secret of its own: a service never holds another principal's password.
			assertThat((Map<String, Object>) at(byVariable.get("KAFKA_SASL_PASSWORD"), "valueFrom", "secretKeyRef"))
				.as(name)
				.containsEntry("name", "atlas-kafka-" + name)
				.containsEntry("key", "password");
		});
	}

	@Test
	void devGeneratesAKafkaPasswordSecretPerPrincipal() {
		Map<String, Map<String, Object>> secrets = byName(render("dev"), "Secret");
		for (KafkaAcls.Principal principal : KafkaAcls.all()) {
			Map<String, Object> secret = secrets.get("atlas-kafka-" + principal.user());
			assertThat(secret).as(principal.user()).isNotNull();
			assertThat(decode((String) at(secret, "data", "password"))).startsWith("dev-only-kafka-password-");
		}
	}

	@Test
	void theStrimziCustomResourcesStayOutOfThePlainOverlays() {
		for (String overlay : List.of("dev", "prod")) {
			assertThat(render(overlay)).as(overlay)
				.noneMatch((doc) -> String.valueOf(doc.get("apiVersion")).startsWith("kafka.strimzi.io/"));
			assertThat((Map<String, Object>) at(only(ofKind(render(overlay), "ConfigMap")), "data"))
				.doesNotContainKey("ATLAS_KAFKA_CREATE_TOPICS");
		}
	}

	@Test
	void theKafkaAclsComponentGrantsExactlyTheKafkaAclsTable() {
		var docs = render("prod-strimzi");
		Map<String, Map<String, Object>> users = byName(docs, "KafkaUser");
		assertThat(users.keySet())
			.containsExactlyInAnyOrderElementsOf(KafkaAcls.all().stream().map(KafkaAcls.Principal::user).toList());
		for (KafkaAcls.Principal principal : KafkaAcls.all()) {
			Map<String, Object> user = users.get(principal.user());
			assertThat((String) at(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
			assertThat((String) at(user, "spec", "authentication", "password", "valueFrom", "secretKeyRef", "name"))
				.isEqualTo("atlas-kafka-" + principal.user());
			assertThat((String) at(user, "spec", "authorization", "type")).isEqualTo("simple");
			Set<String> granted = new java.util.TreeSet<>();
			List<Map<String, Object>> acls = at(user, "spec", "authorization", "acls");
			for (Map<String, Object> acl : acls) {
				assertThat((String) at(acl, "resource", "patternType")).isEqualTo("literal");
				assertThat(acl.get("type")).as("allow is the default; no deny rules").isNull();
				for (String operation : (List<String>) acl.get("operations")) {
					granted.add(operation + " " + at(acl, "resource", "type") + " " + at(acl, "resource", "name"));
				}
			}
			Set<String> expected = new java.util.TreeSet<>();
			principal.writes()
				.forEach((topic) -> expected.addAll(List.of("Write topic " + topic, "Describe topic " + topic)));
			principal.reads()
				.forEach((topic) -> expected.addAll(List.of("Read topic " + topic, "Describe topic " + topic)));
			principal.groups().forEach((group) -> expected.add("Read group " + group));
			assertThat(granted).as(principal.user()).containsExactlyElementsOf(expected);
		}
		List<String> topics = ofKind(docs, "KafkaTopic").stream()
			.map((topic) -> (String) at(topic, "spec", "topicName"))
			.sorted()
			.toList();
		List<String> expectedTopics = new ArrayList<>();
		Topics.all().forEach((topic) -> expectedTopics.addAll(List.of(topic, Topics.deadLetter(topic))));
		assertThat(topics).containsExactlyInAnyOrderElementsOf(expectedTopics);
		ofKind(docs, "KafkaTopic")
			.forEach((topic) -> assertThat(String.valueOf((Object) at(topic, "spec", "config", "retention.ms")))
				.isEqualTo(((String) at(topic, "spec", "topicName")).endsWith(".DLT") ? "1209600000" : "-1"));
		assertThat((Map<String, Object>) at(only(ofKind(docs, "ConfigMap")), "data"))
			.containsEntry("ATLAS_KAFKA_CREATE_TOPICS", "false");
	}

	@Test
	void devConfiguresAKeyringPerPurposeInTheSecret() {
		Map<String, String> secret = at(only(ofKind(render("dev"), "Secret").stream()
			.filter((candidate) -> ((String) at(candidate, "metadata", "name")).startsWith("atlas-secrets"))
			.toList()), "data");
		Set<String> keys = new HashSet<>();
		for (String purpose : PURPOSES) {
			assertThat(decode(secret.get("ATLAS_CRYPTO_" + purpose + "_CURRENT"))).isEqualTo("dev1");
			String key = decode(secret.get("ATLAS_CRYPTO_" + purpose + "_KEYS_DEV1"));
			assertThat(Base64.getDecoder().decode(key)).as(purpose + " key").hasSize(32);
			keys.add(key);
		}
		assertThat(keys).hasSize(PURPOSES.size()).doesNotContain(decode(secret.get("ATLAS_ENCRYPTION_KEY")));
		// Production's keyrings are set out of band, as its Secret is.
		Map<String, Object> prod = at(only(ofKind(render("prod"), "ConfigMap")), "data");
		assertThat(prod.keySet()).noneMatch((name) -> name.startsWith("ATLAS_CRYPTO_"));
	}

	@Test
	void devImagesAreTaggedDev() {
		assertImages("dev", "dev");
	}

	@Test
	void prodImagesAreTaggedWithTheRelease() {
		assertImages("prod", "0.1.0");
	}

	@Test
	void prodRunsTwoOrMoreOfEveryReplicableService() {
		byName(render("prod"), "Deployment").forEach((name, deployment) -> {
			Integer replicas = at(deployment, "spec", "replicas");
			// Eureka has no peers configured: one registry (docs/deployment.md).
			assertThat(replicas).as(name + " replicas").isEqualTo(name.equals(REGISTRY) ? 1 : 2);
		});
	}

	@Test
	void devRunsOnePodOfEachService() {
		byName(render("dev"), "Deployment")
			.forEach((name, deployment) -> assertThat((Integer) at(deployment, "spec", "replicas")).as(name).isOne());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "dev", "prod" })
	void podsAreLabelledScrapedAndSpreadOverNodes(String overlay) {
		byName(render(overlay), "Deployment").forEach((name, deployment) -> {
			Map<String, Object> template = at(deployment, "spec", "template");
			assertThat((Map<String, String>) at(template, "metadata", "labels")).as(name)
				.containsEntry("app.kubernetes.io/name", name)
				.containsEntry("app.kubernetes.io/part-of", "onsite-atlas");
			assertThat((Map<String, String>) at(template, "metadata", "annotations")).as(name)
				.containsEntry("prometheus.io/scrape", "true")
				.containsEntry("prometheus.io/path", "/actuator/prometheus")
				.containsEntry("prometheus.io/port", String.valueOf(PORTS.get(name)));
			Map<String, Object> term = at(template, "spec", "affinity", "podAntiAffinity",
					"preferredDuringSchedulingIgnoredDuringExecution", 0, "podAffinityTerm");
			assertThat(term).as(name + " anti-affinity")
				.isNotNull()
				.containsEntry("topologyKey", "kubernetes.io/hostname");
			assertThat((Map<String, String>) at(term, "labelSelector", "matchLabels"))
				.containsEntry("app.kubernetes.io/name", name);
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "dev", "prod" })
	void servicesForwardTheirPortToTheMatchingPods(String overlay) {
		var docs = render(overlay);
		var deployments = byName(docs, "Deployment");
		byName(docs, "Service").forEach((name, service) -> {
			assertThat((Integer) at(service, "spec", "ports", 0, "port")).as(name).isEqualTo(PORTS.get(name));
			assertThat((String) at(service, "spec", "ports", 0, "targetPort")).as(name)
				.isEqualTo(at(onlyContainer(deployments.get(name)), "ports", 0, "name"));
			assertThat(podLabels(deployments.get(name))).containsAllEntriesOf(at(service, "spec", "selector"));
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "dev", "prod" })
	void autoscalersExistExactlyForTheBusinessServices(String overlay) {
		var docs = render(overlay);
		var deployments = byName(docs, "Deployment");
		var autoscalers = byName(docs, "HorizontalPodAutoscaler");
		assertThat(autoscalers.keySet()).containsExactlyInAnyOrderElementsOf(BUSINESS_SERVICES);
		autoscalers.forEach((name, hpa) -> {
			assertThat((String) hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
			assertThat((String) at(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
			assertThat((String) at(hpa, "spec", "scaleTargetRef", "name")).as(name).isIn(deployments.keySet());
			assertThat((Integer) at(hpa, "spec", "minReplicas")).as(name)
				.isLessThanOrEqualTo(at(hpa, "spec", "maxReplicas"));
			assertThat(metricNames(hpa)).as(name).contains("cpu");
		});
		assertThat(metricNames(autoscalers.get("reporting-service"))).contains("memory");
	}

	@Test
	void prodAutoscalesBetweenTwoAndEight() {
		byName(render("prod"), "HorizontalPodAutoscaler").forEach((name, hpa) -> {
			assertThat((Integer) at(hpa, "spec", "minReplicas")).as(name).isEqualTo(2);
			assertThat((Integer) at(hpa, "spec", "maxReplicas")).as(name).isBetween(6, 8);
		});
	}

	@Test
	void prodKeepsOnePodThroughVoluntaryDisruptions() {
		var budgets = byName(render("prod"), "PodDisruptionBudget");
		assertThat(budgets.keySet()).containsExactlyInAnyOrder(GATEWAY, "notification-service",
				"lodging-travel-service", "reporting-service");
		budgets.forEach((name, budget) -> {
			assertThat((Integer) at(budget, "spec", "minAvailable")).as(name).isOne();
			assertThat((Map<String, String>) at(budget, "spec", "selector", "matchLabels"))
				.containsEntry("app.kubernetes.io/name", name);
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "dev", "prod" })
	void ingressIsDeniedUnlessAPolicyAllowsIt(String overlay) {
		assertThat(ofKind(render(overlay), "NetworkPolicy")).anySatisfy((policy) -> {
			assertThat((Map<?, ?>) at(policy, "spec", "podSelector")).isEmpty();
			assertThat((List<String>) at(policy, "spec", "policyTypes")).containsExactly("Ingress");
			assertThat((Object) at(policy, "spec", "ingress")).isNull();
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "dev", "prod" })
	void businessServicesAcceptOnlyTheGatewayAndPrometheus(String overlay) {
		var docs = render(overlay);
		var deployments = byName(docs, "Deployment");
		for (String service : BUSINESS_SERVICES) {
			List<Map<String, Object>> rules = ingressRulesFor(docs, podLabels(deployments.get(service)));
			assertThat(rules).as(service + " has allow rules").isNotEmpty();
			List<Map<String, Object>> peers = new ArrayList<>();
			for (Map<String, Object> rule : rules) {
				List<Map<String, Object>> from = at(rule, "from");
				assertThat(from).as(service + ": a rule without 'from' admits every source").isNotEmpty();
				peers.addAll(from);
			}
			for (Map<String, Object> peer : peers) {
				assertThat(peer).as(service + " peer").doesNotContainKey("ipBlock");
				Map<String, Object> namespaces = at(peer, "namespaceSelector");
				if (namespaces != null) {
					assertThat(namespaces).as(service + ": only the monitoring namespace")
						.isEqualTo(Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "monitoring")));
					continue;
				}
				deployments.forEach((other, deployment) -> {
					if (!other.equals(GATEWAY)) {
						assertThat(selects(at(peer, "podSelector"), podLabels(deployment)))
							.as("%s admits %s", service, other)
							.isFalse();
					}
				});
			}
			Map<String, String> gatewayPods = podLabels(deployments.get(GATEWAY));
			assertThat(peers).as(service + " admits the gateway")
				.anyMatch((peer) -> peer.get("namespaceSelector") == null
						&& selects(at(peer, "podSelector"), gatewayPods));
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "dev", "prod" })
	void gatewayIsOpenOnItsHttpPortAndRegistryToTheSuite(String overlay) {
		var docs = render(overlay);
		var deployments = byName(docs, "Deployment");
		assertThat(ingressRulesFor(docs, podLabels(deployments.get(GATEWAY)))).as("gateway rules")
			.anySatisfy((rule) -> {
				assertThat((Object) rule.get("from")).as("from anywhere").isNull();
				assertThat((Object) at(rule, "ports", 0, "port")).isIn("http", PORTS.get(GATEWAY));
			});
		List<Map<String, Object>> registryPeers = ingressRulesFor(docs, podLabels(deployments.get(REGISTRY))).stream()
			.flatMap((rule) -> ((List<Map<String, Object>>) rule.get("from")).stream())
			.toList();
		deployments.forEach((name, deployment) -> assertThat(registryPeers).as("registry admits " + name)
			.anyMatch((peer) -> peer.get("namespaceSelector") == null
					&& selects(at(peer, "podSelector"), podLabels(deployment))));
	}

	@Test
	void prodIngressServesTheApiOverTls() {
		Map<String, Object> ingress = only(ofKind(render("prod"), "Ingress"));
		assertThat((String) at(ingress, "spec", "rules", 0, "host")).isEqualTo("atlas.example.org");
		assertThat((String) at(ingress, "spec", "rules", 0, "http", "paths", 0, "path")).isEqualTo("/api");
		assertThat((String) at(ingress, "spec", "rules", 0, "http", "paths", 0, "backend", "service", "name"))
			.isEqualTo(GATEWAY);
		assertThat((List<String>) at(ingress, "spec", "tls", 0, "hosts")).containsExactly("atlas.example.org");
		assertThat((String) at(ingress, "spec", "tls", 0, "secretName")).isNotBlank();
	}

	private static void assertProbe(String name, Map<String, Object> container, String probe, String path) {
		assertThat((String) at(container, probe, "httpGet", "path")).as("%s %s", name, probe).isEqualTo(path);
		Object port = at(container, probe, "httpGet", "port");
		assertThat(port).as("%s %s port", name, probe).isIn(PORTS.get(name), at(container, "ports", 0, "name"));
	}

	private static void assertImages(String overlay, String tag) {
		byName(render(overlay), "Deployment")
			.forEach((name, deployment) -> assertThat((String) at(onlyContainer(deployment), "image"))
				.isEqualTo("ghcr.io/onsite-atlas/" + name + ":" + tag));
	}

	/** Ingress rules of every policy that selects pods with these labels. */
	private static List<Map<String, Object>> ingressRulesFor(List<Map<String, Object>> docs,
			Map<String, String> labels) {
		return ofKind(docs, "NetworkPolicy").stream()
			.filter((policy) -> selects(at(policy, "spec", "podSelector"), labels))
			.filter((policy) -> ((List<String>) at(policy, "spec", "policyTypes")).contains("Ingress"))
			.flatMap((policy) -> {
				List<Map<String, Object>> rules = at(policy, "spec", "ingress");
				return (rules != null) ? rules.stream() : Stream.empty();
			})
			.toList();
	}

	/**
	 * Kubernetes label selector semantics; a missing selector selects nothing, an empty
	 * one everything.
	 */
	private static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
		if (selector == null) {
			return false;
		}
		Map<String, String> matchLabels = at(selector, "matchLabels");
		if (matchLabels != null && !labels.entrySet().containsAll(matchLabels.entrySet())) {
			return false;
		}
		List<Map<String, Object>> expressions = at(selector, "matchExpressions");
		for (Map<String, Object> expression : (expressions != null) ? expressions : List.<Map<String, Object>>of()) {
			String value = labels.get((String) expression.get("key"));
			Collection<?> values = (Collection<?>) expression.getOrDefault("values", List.of());
			boolean matches = switch ((String) expression.get("operator")) {
				case "In" -> values.contains(value);
				case "NotIn" -> value != null && !values.contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> throw new IllegalArgumentException("Unknown operator in " + expression);
			};
			if (!matches) {
				return false;
			}
		}
		return true;
	}

	private static Set<String> metricNames(Map<String, Object> hpa) {
		List<Map<String, Object>> metrics = at(hpa, "spec", "metrics");
		return metrics.stream().map((metric) -> (String) at(metric, "resource", "name")).collect(Collectors.toSet());
	}

	private static Map<String, String> podLabels(Map<String, Object> deployment) {
		return at(deployment, "spec", "template", "metadata", "labels");
	}

	private static Map<String, Object> onlyContainer(Map<String, Object> deployment) {
		List<Map<String, Object>> containers = at(deployment, "spec", "template", "spec", "containers");
		return only(containers);
	}

	private static <T> T only(List<T> items) {
		assertThat(items).hasSize(1);
		return items.get(0);
	}

	private static String decode(String base64) {
		return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
	}

	private static String describe(Map<String, Object> doc) {
		return doc.get("kind") + "/" + at(doc, "metadata", "name");
	}

	private static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
		return docs.stream().filter((doc) -> kind.equals(doc.get("kind"))).toList();
	}

	private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> docs, String kind) {
		return ofKind(docs, kind).stream()
			.collect(Collectors.toMap((doc) -> at(doc, "metadata", "name"), Function.identity()));
	}

	static List<Map<String, Object>> render(String overlay) {
		return rendered.computeIfAbsent(overlay, KustomizeManifestsTests::kustomize);
	}

	private static List<Map<String, Object>> kustomize(String overlay) {
		Path dir = Suite.repositoryRoot().resolve("deploy/overlays").resolve(overlay);
		try {
			Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
			Path err = Files.createTempFile("kustomize-" + overlay, ".err");
			try {
				Process process = new ProcessBuilder(kubectl().toString(), "kustomize", dir.toString())
					.redirectOutput(out.toFile())
					.redirectError(err.toFile())
					.start();
				if (!process.waitFor(2, TimeUnit.MINUTES)) {
					process.destroyForcibly();
					fail("kubectl kustomize " + dir + " did not finish within 2 minutes");
				}
				assertThat(process.exitValue())
					.as("kubectl kustomize %s failed (kubectl 1.27+ with kustomize v5 is needed):%n%s", dir,
							Files.readString(err))
					.isZero();
				List<Map<String, Object>> docs = new ArrayList<>();
				for (Object doc : new Yaml().loadAll(Files.readString(out))) {
					if (doc != null) {
						docs.add((Map<String, Object>) doc);
					}
				}
				return docs;
			}
			finally {
				Files.deleteIfExists(out);
				Files.deleteIfExists(err);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run kubectl kustomize " + dir, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * kubectl from PATH. Missing kubectl fails the build: a skipped manifest check
	 * protects nothing.
	 */
	private static Path kubectl() {
		return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map((entry) -> Path.of(entry, "kubectl"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new AssertionError("kubectl is not on the PATH, and these tests render the manifests "
					+ "with it. Install Debian's kubernetes-client package (sudo apt-get install kubernetes-client) if "
					+ "your release ships 1.27 or newer, otherwise kubectl from pkgs.k8s.io: kustomize v5 is needed."));
	}

}

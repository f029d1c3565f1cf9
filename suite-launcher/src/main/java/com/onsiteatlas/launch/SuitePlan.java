package com.onsiteatlas.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.onsiteatlas.launch.ProcessSpec.Role;

/**
 * The wiring of the suite: which processes run, on which ports, and which environment
 * each one gets. Two plans exist: {@link #fromEnvironment} for {@code bin/atlas} (fixed
 * ports, one infrastructure JVM, external Kafka, MongoDB, SMTP or ONSITE ATLAS when their
 * variables are set) and {@link #isolated} for suite-tests (free ports, one process per
 * infrastructure part so that a fault test can take one down).
 * <p>
 * Longer than 300 lines because every variable any process of either plan gets is set in
 * this one class, so that the two ways of starting the suite cannot drift apart.
 */
public final class SuitePlan {

	/** The dev-only defaults every process gets unless the caller set the variable. */
	static final Map<String, String> DEV_SECRETS = Map.of("JWT_SECRET", "dev-jwt-secret-change-me-0123456789abcdef",
			"ATLAS_INTERNAL_TOKEN_SECRET", "dev-internal-token-secret-change-me-0123456789",
			// Same dev-only default as docker-compose.yml, for stored provider
			// credentials.
			"ATLAS_ENCRYPTION_KEY", "ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=",
			// The registry's account (docs/security.md, item 2).
			"ATLAS_REGISTRY_PASSWORD", "dev-only-registry-password");

	/** Lets the applications start with the development secrets above. */
	static final String DEV_DEFAULTS_ALLOWED = "ATLAS_DEV_DEFAULTS_ALLOWED";

	/**
	 * The operator's allow-list of organiser-supplied destinations (docs/security.md,
	 * item 1): the embedded suite's stand-ins listen on this machine, so an event's SMTP
	 * host, WhatsApp API URL or a schedule's S3 endpoint may name it. Production sets
	 * none.
	 */
	static final String DESTINATIONS_ALLOWED = "ATLAS_DESTINATIONS_ALLOWED_HOSTS";

	/** The local names and addresses the embedded suite allows as destinations. */
	static final String LOCAL_DESTINATIONS = "127.0.0.1,localhost,::1";

	/**
	 * The registry account's user name unless the caller set {@code ATLAS_REGISTRY_USER}.
	 */
	static final String REGISTRY_USER = "atlas";

	public static final String INFRA_MODULE = "embedded-infra";

	public static final String REGISTRY = "registry-service";

	public static final String GATEWAY = "gateway-service";

	public static final List<String> BUSINESS = List.of("notification-service", "lodging-travel-service",
			"reporting-service");

	/** The processes of a one-JVM-per-part infrastructure, in start order. */
	public static final List<String> INFRA_PARTS = List.of("kafka", "mongo-notification", "mongo-lodging",
			"mongo-reporting", "mail", "legacy");

	private static final Map<String, String> MONGO_OF = Map.of("notification-service", "mongo-notification",
			"lodging-travel-service", "mongo-lodging", "reporting-service", "mongo-reporting");

	private static final Map<String, String> STORE_OF = Map.of("mongo-notification", "notification", "mongo-lodging",
			"lodging-travel", "mongo-reporting", "reporting");

	private static final Map<String, String> SERVICE_PORT_VARIABLE = Map.of(REGISTRY, "ATLAS_REGISTRY_PORT", GATEWAY,
			"ATLAS_GATEWAY_PORT", "notification-service", "ATLAS_NOTIFICATION_PORT", "lodging-travel-service",
			"ATLAS_LODGING_PORT", "reporting-service", "ATLAS_REPORTING_PORT");

	private static final Map<String, Integer> DEFAULT_PORTS = Map.ofEntries(Map.entry("kafka", 9092),
			Map.entry("kafka-controller", 9093), Map.entry("mongo-notification", 27101),
			Map.entry("mongo-lodging", 27102), Map.entry("mongo-reporting", 27103), Map.entry("smtp", 3025),
			Map.entry("mail-ui", 8025), Map.entry("legacy", 8090), Map.entry(REGISTRY, 8761), Map.entry(GATEWAY, 8080),
			Map.entry("notification-service", 8081), Map.entry("lodging-travel-service", 8082),
			Map.entry("reporting-service", 8083));

	private static final Map<String, String> INFRA_PORT_VARIABLE = Map.of("kafka", "ATLAS_KAFKA_PORT",
			"kafka-controller", "ATLAS_KAFKA_CONTROLLER_PORT", "mongo-notification", "ATLAS_MONGO_NOTIFICATION_PORT",
			"mongo-lodging", "ATLAS_MONGO_LODGING_PORT", "mongo-reporting", "ATLAS_MONGO_REPORTING_PORT", "smtp",
			"ATLAS_SMTP_PORT", "mail-ui", "ATLAS_MAIL_UI_PORT", "legacy", "ATLAS_LEGACY_PORT");

	private final Path root;

	private final Layout layout;

	private final String host;

	private final Map<String, Integer> ports;

	private final Set<Part> embedded;

	private final Map<String, String> external;

	private final String registryUser;

	private final String registryPassword;

	private final Duration timeout;

	private final boolean classDataArchives;

	private final List<ProcessSpec> processes;

	private SuitePlan(Builder builder) {
		this.root = builder.root;
		this.layout = builder.layout;
		this.host = builder.host;
		this.ports = Map.copyOf(builder.ports);
		this.embedded = Set.copyOf(builder.embedded);
		this.external = Map.copyOf(builder.external);
		this.registryUser = builder.commonEnv.getOrDefault("ATLAS_REGISTRY_USER", REGISTRY_USER);
		this.registryPassword = builder.commonEnv.get("ATLAS_REGISTRY_PASSWORD");
		this.timeout = builder.timeout;
		this.classDataArchives = builder.classDataArchives;
		this.processes = List.copyOf(wire(builder));
	}

	/**
	 * The plan {@code bin/atlas} runs: the fixed local ports (each overridable with its
	 * {@code ATLAS_*_PORT} variable), data, logs and pids under {@code .atlas/}, and an
	 * external server wherever its variable is set.
	 * @param root the repository root
	 * @param env the caller's environment
	 * @return the plan
	 */
	public static SuitePlan fromEnvironment(Path root, Map<String, String> env) {
		Builder builder = new Builder(root, Layout.local(root.resolve(".atlas")), "localhost");
		DEFAULT_PORTS.forEach((name, port) -> {
			String variable = INFRA_PORT_VARIABLE.getOrDefault(name, SERVICE_PORT_VARIABLE.get(name));
			builder.ports.put(name, Integer.parseInt(env.getOrDefault(variable, String.valueOf(port))));
		});
		builder.dataDir = Path.of(env.getOrDefault("ATLAS_DATA_DIR", root.resolve(".atlas/data").toString()));
		for (String variable : List.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI", "NOTIFICATION_MONGODB_URI",
				"LODGING_MONGODB_URI", "REPORTING_MONGODB_URI", "SMTP_HOST", "LEGACY_BACKEND_URL", "EUREKA_URL")) {
			String value = env.getOrDefault(variable, "");
			if (!value.isEmpty()) {
				builder.external.put(variable, value);
			}
		}
		builder.embedded.clear();
		if (!builder.external.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
			builder.embedded.add(Part.KAFKA);
		}
		boolean eachServiceHasOwnDatabase = builder.external.containsKey("NOTIFICATION_MONGODB_URI")
				&& builder.external.containsKey("LODGING_MONGODB_URI")
				&& builder.external.containsKey("REPORTING_MONGODB_URI");
		if (!builder.external.containsKey("MONGODB_URI") && !eachServiceHasOwnDatabase) {
			builder.embedded.add(Part.MONGO);
		}
		if (!builder.external.containsKey("SMTP_HOST")) {
			builder.embedded.add(Part.MAIL);
		}
		if (!builder.external.containsKey("LEGACY_BACKEND_URL")) {
			builder.embedded.add(Part.LEGACY);
		}
		DEV_SECRETS.forEach((name, value) -> builder.commonEnv.put(name, env.getOrDefault(name, value)));
		builder.commonEnv.put("ATLAS_REGISTRY_USER", env.getOrDefault("ATLAS_REGISTRY_USER", REGISTRY_USER));
		// The embedded suite is a development machine: its dev secrets are allowed
		// (docs/security.md, item 6).
		builder.commonEnv.put(DEV_DEFAULTS_ALLOWED, env.getOrDefault(DEV_DEFAULTS_ALLOWED, "true"));
		builder.commonEnv.put(DESTINATIONS_ALLOWED, env.getOrDefault(DESTINATIONS_ALLOWED, LOCAL_DESTINATIONS));
		List<String> tiered = List.of("-XX:TieredStopAtLevel=1");
		builder.jvmOptions.put(Role.INFRA, options("-Xmx512m", tiered, env.getOrDefault("ATLAS_INFRA_JAVA_OPTS", "")));
		List<String> service = options("-Xmx384m", tiered, env.getOrDefault("ATLAS_JAVA_OPTS", ""));
		builder.jvmOptions.put(Role.REGISTRY, service);
		builder.jvmOptions.put(Role.SERVICE, service);
		builder.timeout = Duration.ofSeconds(Long.parseLong(env.getOrDefault("ATLAS_TIMEOUT", "240")));
		builder.classDataArchives = !"false".equalsIgnoreCase(env.getOrDefault("ATLAS_CLASS_DATA_ARCHIVES", "true"));
		return builder.build();
	}

	/**
	 * A plan for tests: everything embedded, every port free, one process per
	 * infrastructure part, and everything under {@code home}.
	 * @param root the repository root
	 * @param home the folder for logs, pids, jar copies and data
	 * @return a builder to add test settings to
	 */
	public static Builder isolated(Path root, Path home) {
		Builder builder = new Builder(root, Layout.isolated(home), "127.0.0.1");
		DEFAULT_PORTS.keySet().forEach((name) -> builder.ports.put(name, freePort()));
		builder.dataDir = home.resolve("data");
		builder.infraPerPart = true;
		DEV_SECRETS.forEach(builder.commonEnv::put);
		builder.commonEnv.put("ATLAS_REGISTRY_USER", REGISTRY_USER);
		builder.commonEnv.put(DEV_DEFAULTS_ALLOWED, "true");
		builder.commonEnv.put(DESTINATIONS_ALLOWED, LOCAL_DESTINATIONS);
		List<String> small = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k");
		builder.jvmOptions.put(Role.INFRA, options("-Xmx256m", small, ""));
		builder.jvmOptions.put(Role.REGISTRY, options("-Xmx256m", small, ""));
		builder.jvmOptions.put(Role.SERVICE, options("-Xmx384m", small, ""));
		builder.timeout = Duration.ofSeconds(480);
		return builder;
	}

	private static List<String> options(String heap, List<String> fixed, String extra) {
		List<String> options = new ArrayList<>();
		options.add(heap);
		options.addAll(fixed);
		Arrays.stream(extra.trim().split("\\s+")).filter((option) -> !option.isEmpty()).forEach(options::add);
		return options;
	}

	private List<ProcessSpec> wire(Builder builder) {
		List<ProcessSpec> specs = new ArrayList<>();
		Map<String, String> common = new LinkedHashMap<>(builder.commonEnv);
		common.put("ATLAS_DATA_DIR", builder.dataDir.toString());
		List<String> infraOptions = builder.jvmOptions.get(Role.INFRA);
		if (builder.infraPerPart) {
			for (String part : INFRA_PARTS) {
				Map<String, String> env = new LinkedHashMap<>(common);
				for (Part each : Part.values()) {
					env.put(each.switchVariable(), "false");
				}
				Part kind = Part.of(part);
				env.put(kind.switchVariable(), "true");
				kind.portNames().forEach((name) -> env.put(INFRA_PORT_VARIABLE.get(name), portText(name)));
				if (kind == Part.MONGO) {
					env.put("ATLAS_MONGO_STORES", STORE_OF.get(part));
				}
				specs.add(new ProcessSpec(part, INFRA_MODULE, Role.INFRA, 0, env, infraOptions));
			}
		}
		else if (!this.embedded.isEmpty()) {
			Map<String, String> env = new LinkedHashMap<>(common);
			for (Part part : Part.values()) {
				env.put(part.switchVariable(), String.valueOf(this.embedded.contains(part)));
				part.portNames().forEach((name) -> env.put(INFRA_PORT_VARIABLE.get(name), portText(name)));
			}
			specs.add(new ProcessSpec(INFRA_MODULE, INFRA_MODULE, Role.INFRA, 0, env, infraOptions));
		}
		Map<String, String> registry = new LinkedHashMap<>(common);
		registry.put("SERVER_PORT", portText(REGISTRY));
		registry.put("EUREKA_URL", eurekaUrl());
		specs.add(new ProcessSpec(REGISTRY, REGISTRY, Role.REGISTRY, this.ports.get(REGISTRY), registry,
				builder.jvmOptions.get(Role.REGISTRY)));
		for (String name : BUSINESS) {
			Map<String, String> env = serviceEnv(name, common);
			env.put("MONGODB_URI", mongoUri(name));
			env.putAll(builder.serviceEnv);
			specs.add(new ProcessSpec(name, name, Role.SERVICE, this.ports.get(name), env,
					builder.jvmOptions.get(Role.SERVICE)));
		}
		Map<String, String> gateway = serviceEnv(GATEWAY, common);
		gateway.putAll(builder.gatewayEnv);
		specs.add(new ProcessSpec(GATEWAY, GATEWAY, Role.SERVICE, this.ports.get(GATEWAY), gateway,
				builder.jvmOptions.get(Role.SERVICE)));
		return specs;
	}

	/** The environment every service and the gateway share. */
	private Map<String, String> serviceEnv(String name, Map<String, String> common) {
		Map<String, String> env = new LinkedHashMap<>(common);
		env.put("SERVER_PORT", portText(name));
		env.put("EUREKA_URL", eurekaUrl());
		env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
		// An external SMTP_HOST/SMTP_PORT (and its login) is inherited unchanged.
		if (embeds(Part.MAIL)) {
			env.put("SMTP_HOST", this.host);
			env.put("SMTP_PORT", portText("smtp"));
		}
		env.put("LEGACY_BACKEND_URL", legacyUrl());
		return env;
	}

	private String portText(String name) {
		return String.valueOf(this.ports.get(name));
	}

	public Path root() {
		return this.root;
	}

	public Layout layout() {
		return this.layout;
	}

	/**
	 * Whether the registry, the gateway and the services start from their extracted jars
	 * with class-data archives ({@link ClassDataArchives}): {@code bin/atlas} does unless
	 * {@code ATLAS_CLASS_DATA_ARCHIVES=false}; test plans do not unless asked.
	 * @return whether they do
	 */
	public boolean classDataArchives() {
		return this.classDataArchives;
	}

	/**
	 * How long {@code up} may take in all.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Every process in start order.
	 * @return the processes
	 */
	public List<ProcessSpec> processes() {
		return this.processes;
	}

	/**
	 * The processes of one stage, in start order.
	 * @param role the stage
	 * @return its processes
	 */
	public List<ProcessSpec> processes(Role role) {
		return this.processes.stream().filter((spec) -> spec.role() == role).toList();
	}

	/**
	 * One process by name.
	 * @param name the process name
	 * @return its spec
	 */
	public ProcessSpec process(String name) {
		return this.processes.stream()
			.filter((spec) -> spec.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No process " + name + " in this suite"));
	}

	/**
	 * Whether this plan starts the given part itself.
	 * @param part an infrastructure part
	 * @return true when embedded
	 */
	public boolean embeds(Part part) {
		return this.embedded.contains(part);
	}

	/**
	 * The ports the embedded infrastructure binds.
	 * @return port numbers by name (kafka, smtp, ...)
	 */
	public Map<String, Integer> infraPorts() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (Part part : Part.values()) {
			if (embeds(part)) {
				part.portNames().forEach((name) -> ports.put(name, this.ports.get(name)));
			}
		}
		return ports;
	}

	/**
	 * A port of this plan by name, e.g. {@code gateway-service} or {@code smtp}.
	 * @param name the port's name
	 * @return the port
	 */
	public int port(String name) {
		return this.ports.get(name);
	}

	public String url(String service) {
		return baseUrl(this.ports.get(service));
	}

	public String baseUrl(int port) {
		return "http://" + this.host + ":" + port;
	}

	public String gatewayUrl() {
		return url(GATEWAY);
	}

	/**
	 * The registry's Eureka URL with the registry account in it, as Eureka clients take
	 * it ({@code http://user:password@host:port/eureka/}); an external {@code EUREKA_URL}
	 * as set. Never print it: it carries the password.
	 * @return the URL
	 */
	public String eurekaUrl() {
		return this.external.getOrDefault("EUREKA_URL", "http://" + userInfo(this.registryUser) + ":"
				+ userInfo(this.registryPassword) + "@" + this.host + ":" + this.ports.get(REGISTRY) + "/eureka/");
	}

	/** Percent-encodes everything but RFC 3986's unreserved characters. */
	private static String userInfo(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return encoded.toString();
	}

	public String kafkaBootstrap() {
		return this.external.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", this.host + ":" + this.ports.get("kafka"));
	}

	public String mailUi() {
		return "http://" + this.host + ":" + this.ports.get("mail-ui");
	}

	public String smtpAddress() {
		return this.external.getOrDefault("SMTP_HOST", this.host + ":" + this.ports.get("smtp"));
	}

	public String legacyUrl() {
		return this.external.getOrDefault("LEGACY_BACKEND_URL", "http://" + this.host + ":" + this.ports.get("legacy"));
	}

	/**
	 * The MongoDB URI a business service gets: its own variable, then
	 * {@code MONGODB_URI}, then its embedded server.
	 * @param service the business service
	 * @return the URI
	 */
	public String mongoUri(String service) {
		String own = switch (service) {
			case "notification-service" -> "NOTIFICATION_MONGODB_URI";
			case "lodging-travel-service" -> "LODGING_MONGODB_URI";
			case "reporting-service" -> "REPORTING_MONGODB_URI";
			default -> throw new IllegalArgumentException(service + " has no database");
		};
		return this.external.getOrDefault(own, this.external.getOrDefault("MONGODB_URI",
				"mongodb://" + this.host + ":" + this.ports.get(MONGO_OF.get(service))));
	}

	/**
	 * An external server's setting, as the caller set it.
	 * @param variable e.g. {@code MONGODB_URI}
	 * @return the value, or null when not set
	 */
	public String external(String variable) {
		return this.external.get(variable);
	}

	/**
	 * The packaged jar of a module, named with the suite's version.
	 * @param module the module
	 * @return the jar
	 */
	public Path jar(String module) {
		return this.root.resolve(module).resolve("target").resolve(module + "-" + version() + ".jar");
	}

	/**
	 * The suite's version, from the build that packaged this class.
	 * @return e.g. {@code 0.1.0-SNAPSHOT}
	 */
	public static String version() {
		try (InputStream in = SuitePlan.class.getResourceAsStream("suite-launcher.properties")) {
			if (in == null) {
				throw new IllegalStateException("suite-launcher.properties is missing: build suite-launcher");
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The parts of the embedded infrastructure, each replaceable by an external server.
	 */
	public enum Part {

		KAFKA("Kafka", List.of("kafka", "kafka-controller")),

		MONGO("MongoDB", List.of("mongo-notification", "mongo-lodging", "mongo-reporting")),

		MAIL("mail catcher", List.of("smtp", "mail-ui")),

		LEGACY("legacy stand-in", List.of("legacy"));

		private final String label;

		private final List<String> portNames;

		Part(String label, List<String> portNames) {
			this.label = label;
			this.portNames = portNames;
		}

		public String label() {
			return this.label;
		}

		List<String> portNames() {
			return this.portNames;
		}

		String switchVariable() {
			return "ATLAS_EMBEDDED_" + name();
		}

		static Part of(String process) {
			return switch (process) {
				case "kafka" -> KAFKA;
				case "mail" -> MAIL;
				case "legacy" -> LEGACY;
				default -> MONGO;
			};
		}

	}

	/** Adds test settings to an {@link SuitePlan#isolated isolated} plan. */
	public static final class Builder {

		private final Path root;

		private final Layout layout;

		private final String host;

		private final Map<String, Integer> ports = new LinkedHashMap<>();

		private final Set<Part> embedded = EnumSet.allOf(Part.class);

		private final Map<String, String> external = new LinkedHashMap<>();

		private final Map<String, String> commonEnv = new LinkedHashMap<>();

		private final Map<String, String> serviceEnv = new LinkedHashMap<>();

		private final Map<String, String> gatewayEnv = new LinkedHashMap<>();

		private final Map<Role, List<String>> jvmOptions = new LinkedHashMap<>();

		private Path dataDir;

		private boolean infraPerPart;

		private Duration timeout;

		private boolean classDataArchives;

		private Builder(Path root, Layout layout, String host) {
			this.root = root;
			this.layout = layout;
			this.host = host;
		}

		/**
		 * Adds a variable to the three business services' environment.
		 * @param name the variable
		 * @param value its value
		 * @return this builder
		 */
		public Builder serviceEnv(String name, String value) {
			this.serviceEnv.put(name, value);
			return this;
		}

		/**
		 * Adds a variable to the gateway's environment.
		 * @param name the variable
		 * @param value its value
		 * @return this builder
		 */
		public Builder gatewayEnv(String name, String value) {
			this.gatewayEnv.put(name, value);
			return this;
		}

		/**
		 * Starts the registry, the gateway and the services with class-data archives.
		 * @param on whether to
		 * @return this builder
		 */
		public Builder classDataArchives(boolean on) {
			this.classDataArchives = on;
			return this;
		}

		public SuitePlan build() {
			return new SuitePlan(this);
		}

	}

}

package com.onsiteatlas.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * Starts the whole suite once per test JVM from the jars the build packaged: the embedded
 * infrastructure, one process per part so that a fault test can take one down (Kafka
 * KRaft, one MongoDB-wire server per service, SMTP capture, ONSITE ATLAS stand-in), the
 * registry, the three services and the gateway, each as a child process on free ports,
 * and stops it when the JVM exits. The jars are copied first, so a concurrent build
 * cannot replace them under a running process. Process logs go to
 * {@code suite-tests/target/suite/<pid>/logs}.
 */
public final class SuiteHarness {

	public static final String VERSION = "0.1.0-SNAPSHOT";

	public static final String JWT_SECRET = "dev-jwt-secret-change-me-0123456789abcdef";

	public static final List<String> SERVICES = List.of("notification-service", "lodging-travel-service",
			"reporting-service");

	/** The infrastructure processes, each one part of embedded-infra. */
	public static final List<String> INFRA = List.of("kafka", "mongo-notification", "mongo-lodging", "mongo-reporting",
			"mail", "legacy");

	/**
	 * Email sends per second per notification-service instance in the suite: high enough
	 * for a 10,000-recipient send to finish in a test, low enough that pacing shows.
	 */
	public static final int EMAIL_RATE = 400;

	/**
	 * Partitions of every domain topic in the suite: more than one, so that two instances
	 * of a service share a topic as in production (6). The services create the topics
	 * (KafkaAdmin) before anything is published, so the broker's default of 1 never
	 * applies to them.
	 */
	public static final int PARTITIONS = 3;

	private static SuiteHarness instance;

	private final Path root;

	private final Path workDir;

	private final Map<String, Integer> ports = new LinkedHashMap<>();

	private final Map<String, Process> processes = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private SuiteHarness(Path root) {
		this.root = root;
		this.workDir = root.resolve("suite-tests/target/suite").resolve(String.valueOf(ProcessHandle.current().pid()));
	}

	/**
	 * The running suite, started on first use.
	 * @return the harness
	 */
	public static synchronized SuiteHarness get() {
		if (instance == null) {
			SuiteHarness harness = new SuiteHarness(findRoot());
			Runtime.getRuntime().addShutdownHook(new Thread(harness::stopAll, "suite-shutdown"));
			harness.startAll();
			instance = harness;
		}
		return instance;
	}

	/**
	 * The repository's root folder.
	 * @return the root
	 */
	public Path root() {
		return this.root;
	}

	public String gateway() {
		return "http://127.0.0.1:" + this.ports.get("gateway-service");
	}

	public String service(String name) {
		return "http://127.0.0.1:" + this.ports.get(name);
	}

	public String kafkaBootstrap() {
		return "127.0.0.1:" + this.ports.get("kafka");
	}

	public String mailApi() {
		return "http://127.0.0.1:" + this.ports.get("mail-ui");
	}

	public String mongoUri(String service) {
		return "mongodb://127.0.0.1:" + this.ports.get(MONGO_OF.get(service));
	}

	public Path logOf(String name) {
		return this.workDir.resolve("logs").resolve(name + ".log");
	}

	private static final Map<String, String> MONGO_OF = Map.of("notification-service", "mongo-notification",
			"lodging-travel-service", "mongo-lodging", "reporting-service", "mongo-reporting");

	private void startAll() {
		try {
			deleteRunsOfDeadJvms(this.workDir.getParent());
			deleteRecursively(this.workDir);
			Files.createDirectories(this.workDir.resolve("logs"));
			Files.createDirectories(this.workDir.resolve("jars"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (String name : List.of("kafka", "kafka-controller", "mongo-notification", "mongo-lodging",
				"mongo-reporting", "smtp", "mail-ui", "legacy", "registry-service", "gateway-service",
				"notification-service", "lodging-travel-service", "reporting-service")) {
			this.ports.put(name, freePort());
		}
		Map<String, String> common = new LinkedHashMap<>();
		common.put("ATLAS_DATA_DIR", this.workDir.resolve("data").toString());
		common.put("JWT_SECRET", JWT_SECRET);
		for (String part : List.of("KAFKA", "MONGO", "MAIL", "LEGACY")) {
			common.put("ATLAS_EMBEDDED_" + part, "false");
		}
		Map<String, String> kafka = new LinkedHashMap<>(common);
		kafka.put("ATLAS_EMBEDDED_KAFKA", "true");
		kafka.put("ATLAS_KAFKA_PORT", port("kafka"));
		kafka.put("ATLAS_KAFKA_CONTROLLER_PORT", port("kafka-controller"));
		defineInfra("kafka", kafka);
		Map<String, String> stores = Map.of("mongo-notification", "notification", "mongo-lodging", "lodging-travel",
				"mongo-reporting", "reporting");
		for (String mongo : List.of("mongo-notification", "mongo-lodging", "mongo-reporting")) {
			Map<String, String> env = new LinkedHashMap<>(common);
			env.put("ATLAS_EMBEDDED_MONGO", "true");
			env.put("ATLAS_MONGO_STORES", stores.get(mongo));
			env.put("ATLAS_MONGO_NOTIFICATION_PORT", port("mongo-notification"));
			env.put("ATLAS_MONGO_LODGING_PORT", port("mongo-lodging"));
			env.put("ATLAS_MONGO_REPORTING_PORT", port("mongo-reporting"));
			defineInfra(mongo, env);
		}
		Map<String, String> mail = new LinkedHashMap<>(common);
		mail.put("ATLAS_EMBEDDED_MAIL", "true");
		mail.put("ATLAS_SMTP_PORT", port("smtp"));
		mail.put("ATLAS_MAIL_UI_PORT", port("mail-ui"));
		defineInfra("mail", mail);
		Map<String, String> legacy = new LinkedHashMap<>(common);
		legacy.put("ATLAS_EMBEDDED_LEGACY", "true");
		legacy.put("ATLAS_LEGACY_PORT", port("legacy"));
		defineInfra("legacy", legacy);
		INFRA.forEach((name) -> launch(name));
		INFRA.forEach((name) -> awaitReady(name, 0, Duration.ofSeconds(90)));

		String eureka = "http://127.0.0.1:" + port("registry-service") + "/eureka/";
		define("registry-service", "registry-service",
				Map.of("SERVER_PORT", port("registry-service"), "EUREKA_URL", eureka), "-Xmx256m");
		launch("registry-service");
		awaitHealth("registry-service", Duration.ofSeconds(90));

		String fastDiscovery = "{\"eureka.client.registry-fetch-interval-seconds\":2,"
				+ "\"eureka.instance.lease-renewal-interval-in-seconds\":2,"
				+ "\"eureka.instance.prefer-ip-address\":true,\"eureka.instance.ip-address\":\"127.0.0.1\"}";
		// Fault tests want short waits: a record that keeps failing is dead-lettered
		// after
		// two attempts (a database outage still holds it, see DependencyFailures), and
		// a killed dispatcher's claims expire after 15 s.
		String serviceSettings = fastDiscovery.substring(0, fastDiscovery.length() - 1)
				+ ",\"atlas.messaging.retry-max-attempts\":2,\"atlas.messaging.retry-max-interval\":\"1s\","
				+ "\"atlas.notification.dispatch.lease\":\"15s\"}";
		for (String service : SERVICES) {
			Map<String, String> env = new LinkedHashMap<>();
			env.put("SERVER_PORT", port(service));
			env.put("EUREKA_URL", eureka);
			env.put("MONGODB_URI", mongoUri(service));
			env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
			env.put("SMTP_HOST", "127.0.0.1");
			env.put("SMTP_PORT", port("smtp"));
			env.put("ATLAS_NOTIFICATION_EMAIL_RATE", String.valueOf(EMAIL_RATE));
			env.put("ATLAS_KAFKA_PARTITIONS", String.valueOf(PARTITIONS));
			env.put("SPRING_APPLICATION_JSON", serviceSettings);
			define(service, service, env, "-Xmx384m");
			launch(service);
		}
		Map<String, String> gateway = new LinkedHashMap<>();
		gateway.put("SERVER_PORT", port("gateway-service"));
		gateway.put("EUREKA_URL", eureka);
		gateway.put("JWT_SECRET", JWT_SECRET);
		gateway.put("LEGACY_BACKEND_URL", "http://127.0.0.1:" + port("legacy"));
		// The per-client rate limit has its own gateway tests; here all tests share one
		// client address.
		gateway.put("ATLAS_GATEWAY_RATELIMIT_REQUESTSPERMINUTE", "1000000");
		gateway.put("SPRING_APPLICATION_JSON", fastDiscovery);
		define("gateway-service", "gateway-service", gateway, "-Xmx384m");
		launch("gateway-service");
		for (String service : SERVICES) {
			awaitHealth(service, Duration.ofSeconds(180));
		}
		awaitHealth("gateway-service", Duration.ofSeconds(180));
		for (String service : SERVICES) {
			awaitHttp("gateway-service", gateway() + "/v3/api-docs/" + service, Duration.ofSeconds(120));
		}
	}

	/**
	 * Starts a second instance of a service on its own port, with the same database,
	 * broker and consumer groups as the first, and waits for its health.
	 * @param service the service
	 * @param instance a name for the new process, e.g. {@code notification-service-2}
	 * @return the new instance's base URL
	 */
	public String startAnotherInstance(String service, String instance) {
		this.ports.put(instance, freePort());
		Map<String, String> env = new LinkedHashMap<>(this.launches.get(service).env());
		env.put("SERVER_PORT", port(instance));
		define(instance, service, env, "-Xmx384m");
		launch(instance);
		awaitHealth(instance, Duration.ofSeconds(180));
		return service(instance);
	}

	/**
	 * Kills a process at once (SIGKILL), as a crash or an OOM kill would.
	 * @param name process name
	 */
	public void kill(String name) {
		Process process = this.processes.remove(name);
		if (process == null) {
			return;
		}
		process.destroyForcibly();
		try {
			process.waitFor(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Starts a stopped or killed process again with its earlier settings and waits until
	 * it is ready (health for a service, the {@code READY} line for an infrastructure
	 * part).
	 * @param name process name
	 */
	public void start(String name) {
		if (this.processes.containsKey(name)) {
			throw new IllegalStateException(name + " is running");
		}
		if (INFRA.contains(name)) {
			int readyBefore = countReady(name);
			launch(name);
			awaitReady(name, readyBefore, Duration.ofSeconds(90));
		}
		else {
			launch(name);
			awaitHealth(name, Duration.ofSeconds(180));
		}
	}

	/**
	 * Stops one process (SIGTERM, then SIGKILL after 20 s), e.g. to test a fault.
	 * @param name process name
	 */
	public void stop(String name) {
		Process process = this.processes.remove(name);
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops a process gracefully and starts it again.
	 * @param name process name
	 */
	public void restart(String name) {
		stop(name);
		start(name);
	}

	private record Launch(String jar, Map<String, String> env, String heap) {
	}

	private final Map<String, Launch> launches = new LinkedHashMap<>();

	private void defineInfra(String name, Map<String, String> env) {
		define(name, "embedded-infra", env, "-Xmx256m");
	}

	private void define(String name, String module, Map<String, String> env, String heap) {
		Path source = this.root.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
		Path copy = this.workDir.resolve("jars").resolve(module + ".jar");
		try {
			if (!Files.isRegularFile(source)) {
				throw new IllegalStateException(source + " is missing: run the build (./mvnw verify) first");
			}
			if (!Files.exists(copy)) {
				Files.copy(source, copy);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.launches.put(name, new Launch(copy.toString(), Map.copyOf(env), heap));
	}

	private void launch(String name) {
		Launch launch = this.launches.get(name);
		List<String> command = new ArrayList<>(List.of(javaBinary(), launch.heap(), "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-Xss512k", "-jar", launch.jar()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logOf(name).toFile()));
		builder.environment().putAll(launch.env());
		try {
			this.processes.put(name, builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name, ex);
		}
	}

	private void awaitHealth(String name, Duration timeout) {
		awaitHttp(name, service(name) + "/actuator/health", timeout);
	}

	private int countReady(String name) {
		try {
			return (int) Files.readAllLines(logOf(name)).stream().filter((line) -> line.startsWith("READY")).count();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private void awaitReady(String name, int readyBefore, Duration timeout) {
		try {
			Awaitility.await(name + " READY").atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
				Process process = this.processes.get(name);
				if (process != null && !process.isAlive()) {
					throw new IllegalStateException(name + " exited with " + process.exitValue());
				}
				return countReady(name) > readyBefore;
			});
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(name + " did not print READY within " + timeout + ": " + ex.getMessage()
					+ "\n--- last lines of its log ---\n" + tail(name), ex);
		}
	}

	private void awaitHttp(String name, String url, Duration timeout) {
		try {
			Awaitility.await(name + " at " + url)
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptionsInstanceOf(IOException.class)
				.until(() -> {
					Process process = this.processes.get(name);
					if (process != null && !process.isAlive()) {
						throw new IllegalStateException(name + " exited with " + process.exitValue());
					}
					return this.http
						.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
								HttpResponse.BodyHandlers.discarding())
						.statusCode() == 200;
				});
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(name + " did not answer " + url + " within " + timeout + ": "
					+ ex.getMessage() + "\n--- last lines of its log ---\n" + tail(name), ex);
		}
	}

	private String tail(String name) {
		try {
			List<String> lines = Files.readAllLines(logOf(name));
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	private void stopAll() {
		List<String> names = new ArrayList<>(this.processes.keySet());
		java.util.Collections.reverse(names);
		names.forEach((name) -> {
			Process process = this.processes.get(name);
			if (process != null) {
				process.destroy();
			}
		});
		names.forEach(this::stop);
	}

	private String port(String name) {
		return String.valueOf(this.ports.get(name));
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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

	private static Path findRoot() {
		Path current = Path.of("").toAbsolutePath();
		while (current != null && !Files.isRegularFile(current.resolve("docker-compose.yml"))) {
			current = current.getParent();
		}
		if (current == null) {
			throw new IllegalStateException("Cannot find the repository root (docker-compose.yml)");
		}
		return current;
	}

	private static void deleteRunsOfDeadJvms(Path runs) throws IOException {
		if (!Files.isDirectory(runs)) {
			return;
		}
		try (var dirs = Files.list(runs)) {
			for (Path dir : dirs.toList()) {
				String name = dir.getFileName().toString();
				boolean alive = name.matches("\\d+") && ProcessHandle.of(Long.parseLong(name)).isPresent();
				if (!alive) {
					deleteRecursively(dir);
				}
			}
		}
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (var paths = Files.walk(path)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

}

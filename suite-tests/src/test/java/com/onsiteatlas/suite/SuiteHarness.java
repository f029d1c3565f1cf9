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
 * infrastructure (Kafka KRaft, MongoDB-wire servers, SMTP capture, ONSITE ATLAS
 * stand-in), the registry, the three services and the gateway, each as a child process on
 * free ports, and stops it when the JVM exits. Process logs go to
 * {@code suite-tests/target/suite/logs}.
 */
public final class SuiteHarness {

	public static final String VERSION = "0.1.0-SNAPSHOT";

	public static final String JWT_SECRET = "dev-jwt-secret-change-me-0123456789abcdef";

	public static final List<String> SERVICES = List.of("notification-service", "lodging-travel-service",
			"reporting-service");

	private static SuiteHarness instance;

	private final Path root;

	private final Path workDir;

	private final Map<String, Integer> ports = new LinkedHashMap<>();

	private final Map<String, Process> processes = new LinkedHashMap<>();

	private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private SuiteHarness(Path root) {
		this.root = root;
		this.workDir = root.resolve("suite-tests/target/suite");
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

	public Path logOf(String name) {
		return this.workDir.resolve("logs").resolve(name + ".log");
	}

	private void startAll() {
		try {
			deleteRecursively(this.workDir);
			Files.createDirectories(this.workDir.resolve("logs"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (String name : List.of("kafka", "kafka-controller", "mongo-notification", "mongo-lodging",
				"mongo-reporting", "smtp", "mail-ui", "legacy", "registry-service", "gateway-service",
				"notification-service", "lodging-travel-service", "reporting-service")) {
			this.ports.put(name, freePort());
		}
		Map<String, String> infra = new LinkedHashMap<>();
		infra.put("ATLAS_DATA_DIR", this.workDir.resolve("data").toString());
		infra.put("ATLAS_KAFKA_PORT", port("kafka"));
		infra.put("ATLAS_KAFKA_CONTROLLER_PORT", port("kafka-controller"));
		infra.put("ATLAS_MONGO_NOTIFICATION_PORT", port("mongo-notification"));
		infra.put("ATLAS_MONGO_LODGING_PORT", port("mongo-lodging"));
		infra.put("ATLAS_MONGO_REPORTING_PORT", port("mongo-reporting"));
		infra.put("ATLAS_SMTP_PORT", port("smtp"));
		infra.put("ATLAS_MAIL_UI_PORT", port("mail-ui"));
		infra.put("ATLAS_LEGACY_PORT", port("legacy"));
		infra.put("JWT_SECRET", JWT_SECRET);
		start("embedded-infra", infra, "-Xmx512m");
		awaitHttp("embedded-infra", mailApi() + "/health", Duration.ofSeconds(60));

		String eureka = "http://127.0.0.1:" + port("registry-service") + "/eureka/";
		start("registry-service", Map.of("SERVER_PORT", port("registry-service"), "EUREKA_URL", eureka), "-Xmx256m");
		awaitHttp("registry-service", service("registry-service") + "/actuator/health", Duration.ofSeconds(90));

		String fastDiscovery = "{\"eureka.client.registry-fetch-interval-seconds\":2,"
				+ "\"eureka.instance.lease-renewal-interval-in-seconds\":2,"
				+ "\"eureka.instance.prefer-ip-address\":true,\"eureka.instance.ip-address\":\"127.0.0.1\"}";
		Map<String, String> mongoPorts = Map.of("notification-service", "mongo-notification", "lodging-travel-service",
				"mongo-lodging", "reporting-service", "mongo-reporting");
		for (String service : SERVICES) {
			Map<String, String> env = new LinkedHashMap<>();
			env.put("SERVER_PORT", port(service));
			env.put("EUREKA_URL", eureka);
			env.put("MONGODB_URI", "mongodb://127.0.0.1:" + port(mongoPorts.get(service)));
			env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
			env.put("SMTP_HOST", "127.0.0.1");
			env.put("SMTP_PORT", port("smtp"));
			env.put("SPRING_APPLICATION_JSON", fastDiscovery);
			start(service, env, "-Xmx384m");
		}
		Map<String, String> gateway = new LinkedHashMap<>();
		gateway.put("SERVER_PORT", port("gateway-service"));
		gateway.put("EUREKA_URL", eureka);
		gateway.put("JWT_SECRET", JWT_SECRET);
		gateway.put("LEGACY_BACKEND_URL", "http://127.0.0.1:" + port("legacy"));
		gateway.put("SPRING_APPLICATION_JSON", fastDiscovery);
		start("gateway-service", gateway, "-Xmx384m");
		for (String service : SERVICES) {
			awaitHttp(service, service(service) + "/actuator/health", Duration.ofSeconds(180));
		}
		awaitHttp("gateway-service", gateway() + "/actuator/health", Duration.ofSeconds(180));
		for (String service : SERVICES) {
			awaitHttp("gateway-service", gateway() + "/v3/api-docs/" + service, Duration.ofSeconds(120));
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
	 * Starts a stopped process again with its earlier environment and waits for its
	 * health.
	 * @param name process name
	 */
	public void restart(String name) {
		stop(name);
		start(name, this.environments.get(name), "-Xmx384m");
		awaitHttp(name, "http://127.0.0.1:" + this.ports.get(name) + "/actuator/health", Duration.ofSeconds(180));
	}

	private void start(String name, Map<String, String> env, String heap) {
		Path jar = this.root.resolve(name).resolve("target").resolve(name + "-" + VERSION + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: run the build (./mvnw verify) first");
		}
		List<String> command = new ArrayList<>(List.of(javaBinary(), heap, "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-Xss512k", "-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logOf(name).toFile()));
		builder.environment().putAll(env);
		try {
			this.processes.put(name, builder.start());
			this.environments.put(name, env);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name, ex);
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

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (var paths = Files.walk(path)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

}

package com.onsiteatlas.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.onsiteatlas.launch.Suite;
import com.onsiteatlas.launch.SuitePlan;

/**
 * Starts the whole suite once per test JVM with the launcher {@code bin/atlas} uses
 * (suite-launcher: the same start order, wiring and waits), from the jars the build
 * packaged, and stops it when the JVM exits. The differences from {@code bin/atlas} are
 * the plan's: free ports, one process per infrastructure part so that a fault test can
 * take one down (Kafka KRaft, one MongoDB-wire server per service, SMTP capture, ONSITE
 * ATLAS stand-in), the jars copied once per run so a concurrent build cannot replace them
 * under a running process, and the test settings below. Process logs go to
 * {@code suite-tests/target/suite/<pid>/logs}.
 */
public final class SuiteHarness {

	public static final String JWT_SECRET = "dev-jwt-secret-change-me-0123456789abcdef";

	public static final List<String> SERVICES = SuitePlan.BUSINESS;

	/** The infrastructure processes, each one part of embedded-infra. */
	public static final List<String> INFRA = SuitePlan.INFRA_PARTS;

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

	private static final String FAST_DISCOVERY = "\"eureka.client.registry-fetch-interval-seconds\":2,"
			+ "\"eureka.instance.lease-renewal-interval-in-seconds\":2,"
			+ "\"eureka.instance.prefer-ip-address\":true,\"eureka.instance.ip-address\":\"127.0.0.1\"";

	private static SuiteHarness instance;

	private final Path root;

	private final Path workDir;

	private final Suite suite;

	private final Map<String, Integer> extraPorts = new LinkedHashMap<>();

	private SuiteHarness(Path root) {
		this.root = root;
		this.workDir = root.resolve("suite-tests/target/suite").resolve(String.valueOf(ProcessHandle.current().pid()));
		try {
			deleteRunsOfDeadJvms(this.workDir.getParent());
			deleteRecursively(this.workDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// Fault tests want short waits: a record that keeps failing is dead-lettered
		// after two attempts (a database outage still holds it, see DependencyFailures),
		// and a killed dispatcher's claims expire after 15 s.
		String serviceSettings = "{" + FAST_DISCOVERY
				+ ",\"atlas.messaging.retry-max-attempts\":2,\"atlas.messaging.retry-max-interval\":\"1s\","
				+ "\"atlas.notification.dispatch.lease\":\"15s\"}";
		SuitePlan plan = SuitePlan.isolated(root, this.workDir)
			.serviceEnv("ATLAS_NOTIFICATION_EMAIL_RATE", String.valueOf(EMAIL_RATE))
			.serviceEnv("ATLAS_KAFKA_PARTITIONS", String.valueOf(PARTITIONS))
			.serviceEnv("SPRING_APPLICATION_JSON", serviceSettings)
			// The per-client rate limit has its own gateway tests; here all tests share
			// one client address.
			.gatewayEnv("ATLAS_GATEWAY_RATELIMIT_REQUESTSPERMINUTE", "1000000")
			.gatewayEnv("SPRING_APPLICATION_JSON", "{" + FAST_DISCOVERY + "}")
			.build();
		this.suite = new Suite(plan, (line) -> {
		});
	}

	/**
	 * The running suite, started on first use.
	 * @return the harness
	 */
	public static synchronized SuiteHarness get() {
		if (instance == null) {
			SuiteHarness harness = new SuiteHarness(findRoot());
			Runtime.getRuntime().addShutdownHook(new Thread(harness.suite::down, "suite-shutdown"));
			try {
				harness.suite.up(false);
			}
			catch (Suite.StartFailure ex) {
				throw new IllegalStateException(ex.withLogs(), ex);
			}
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
		return this.suite.plan().gatewayUrl();
	}

	public String service(String name) {
		Integer extra = this.extraPorts.get(name);
		return (extra != null) ? this.suite.plan().baseUrl(extra) : this.suite.plan().url(name);
	}

	public String kafkaBootstrap() {
		return this.suite.plan().kafkaBootstrap();
	}

	public String mailApi() {
		return this.suite.plan().mailUi();
	}

	public String mongoUri(String service) {
		return this.suite.plan().mongoUri(service);
	}

	public Path logOf(String name) {
		return this.suite.plan().layout().log(name);
	}

	/**
	 * Starts a second instance of a service on its own port, with the same database,
	 * broker and consumer groups as the first, and waits for its health.
	 * @param service the service
	 * @param instance a name for the new process, e.g. {@code notification-service-2}
	 * @return the new instance's base URL
	 */
	public String startAnotherInstance(String service, String instance) {
		int port = freePort();
		this.extraPorts.put(instance, port);
		return startOrFail(() -> this.suite.startAnotherInstance(service, instance, port));
	}

	/**
	 * Kills a process at once (SIGKILL), as a crash or an OOM kill would.
	 * @param name process name
	 */
	public void kill(String name) {
		this.suite.kill(name);
	}

	/**
	 * Starts a stopped or killed process again with its earlier settings and waits until
	 * it is ready (health for a service, the {@code READY} line for an infrastructure
	 * part).
	 * @param name process name
	 */
	public void start(String name) {
		startOrFail(() -> {
			this.suite.start(name);
			return name;
		});
	}

	/**
	 * Stops one process (SIGTERM, then SIGKILL after 20 s), e.g. to test a fault.
	 * @param name process name
	 */
	public void stop(String name) {
		this.suite.stop(name);
	}

	/**
	 * Stops a process gracefully and starts it again.
	 * @param name process name
	 */
	public void restart(String name) {
		stop(name);
		start(name);
	}

	private static String startOrFail(java.util.function.Supplier<String> start) {
		try {
			return start.get();
		}
		catch (Suite.StartFailure ex) {
			throw new IllegalStateException(ex.withLogs(), ex);
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
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

}

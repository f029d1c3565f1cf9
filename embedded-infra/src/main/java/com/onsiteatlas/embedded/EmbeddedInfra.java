package com.onsiteatlas.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

import com.onsiteatlas.embedded.demo.DemoSeeder;
import com.onsiteatlas.embedded.demo.DemoTokens;
import com.onsiteatlas.embedded.kafka.KafkaBroker;
import com.onsiteatlas.embedded.legacy.LegacyBackend;
import com.onsiteatlas.embedded.mail.MailCatcher;
import com.onsiteatlas.embedded.mongo.MongoServers;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded infrastructure and keeps it running until the JVM is asked to stop
 * (SIGTERM, Ctrl-C), then stops every part cleanly. Prints one line starting with
 * {@code READY} once everything accepts connections.
 *
 * <pre>
 * java -jar embedded-infra.jar          start everything (see {@link InfraSettings} for ports and switches)
 * java -jar embedded-infra.jar seed ... publish the demo data and write the demo tokens (see {@link DemoSeeder})
 * </pre>
 */
public final class EmbeddedInfra implements AutoCloseable {

	private final InfraSettings settings;

	private final Deque<AutoCloseable> running = new ArrayDeque<>();

	private final List<String> endpoints = new ArrayList<>();

	private KafkaBroker kafka;

	private MongoServers mongo;

	private MailCatcher mail;

	private LegacyBackend legacy;

	private EmbeddedInfra(InfraSettings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("seed")) {
			DemoSeeder.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length > 0 && args[0].equals("identity-token")) {
			String secret = System.getenv()
				.getOrDefault("ATLAS_INTERNAL_TOKEN_SECRET", "dev-internal-token-secret-change-me-0123456789");
			System.out.println(DemoTokens.identityToken(secret, (args.length > 1) ? args[1] : "admin",
					(args.length > 2) ? args[2] : "lodging-travel-service", java.time.Instant.now(),
					java.time.Duration.ofHours(1)));
			return;
		}
		if (args.length > 0) {
			System.err.println("Usage: java -jar embedded-infra.jar [seed [--bootstrap host:port] [--out file]"
					+ " | identity-token [role [service]]]");
			System.exit(2);
		}
		long started = System.nanoTime();
		// Initialise logging before Kafka's threads log concurrently, which SLF4J would
		// report as replayed calls.
		LoggerFactory.getILoggerFactory();
		EmbeddedInfra infra;
		try {
			infra = start(InfraSettings.fromEnvironment());
		}
		catch (Exception ex) {
			String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.toString();
			System.err.println("Embedded infrastructure failed to start: " + reason);
			System.exit(1);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping embedded infrastructure");
			infra.close();
			System.out.println("Stopped");
			stopped.countDown();
		}, "embedded-infra-shutdown"));
		System.out.printf(Locale.ROOT, "READY in %.1f s: %s%n", (System.nanoTime() - started) / 1e9,
				String.join(" ", infra.endpoints()));
		stopped.await();
	}

	/**
	 * Starts every enabled part. Kafka starts in the background while the others start,
	 * since it takes longest.
	 * @param settings ports, switches and the data directory
	 * @return the running infrastructure
	 * @throws Exception when a part fails to start; the parts already started are stopped
	 * again
	 */
	public static EmbeddedInfra start(InfraSettings settings) throws Exception {
		EmbeddedInfra infra = new EmbeddedInfra(settings);
		try {
			infra.startParts();
		}
		catch (Exception ex) {
			infra.close();
			throw ex;
		}
		return infra;
	}

	private void startParts() throws Exception {
		Path data = this.settings.dataDir();
		String host = this.settings.host();
		checkPortsAreFree();
		CompletableFuture<KafkaBroker> kafkaStart = null;
		if (this.settings.kafkaEnabled()) {
			kafkaStart = CompletableFuture.supplyAsync(() -> {
				try {
					return KafkaBroker.start(data.resolve("kafka"), host, this.settings.kafkaPort(),
							this.settings.kafkaControllerPort());
				}
				catch (Exception ex) {
					throw new CompletionException(ex);
				}
			});
		}
		try {
			if (this.settings.mongoEnabled()) {
				this.mongo = started(MongoServers.start(data.resolve("mongo"), host, this.settings.mongoPorts()));
				this.mongo.connectionStrings()
					.forEach((store, uri) -> this.endpoints.add("mongo." + store + "=" + uri));
			}
			else {
				this.endpoints.add("mongo=external");
			}
			if (this.settings.mailEnabled()) {
				this.mail = started(MailCatcher.start(data.resolve("mail"), host, this.settings.smtpPort(),
						this.settings.mailUiPort()));
				this.endpoints.add("smtp=" + this.mail.smtpAddress());
				this.endpoints.add("mail-ui=" + this.mail.webUrl());
			}
			else {
				this.endpoints.add("smtp=external");
			}
			if (this.settings.legacyEnabled()) {
				this.legacy = started(LegacyBackend.start(new InetSocketAddress(host, this.settings.legacyPort()),
						this.settings.jwtSecret()));
				this.endpoints.add("legacy=" + this.legacy.url());
			}
			else {
				this.endpoints.add("legacy=external");
			}
		}
		finally {
			if (kafkaStart != null) {
				this.kafka = started(joinKafka(kafkaStart));
			}
		}
		this.endpoints.add(0, (this.kafka != null) ? "kafka=" + this.kafka.bootstrapServers() : "kafka=external");
		this.endpoints.add("data=" + data);
	}

	/**
	 * Fails with one message naming every busy port. Checked up front because Kafka halts
	 * the JVM when it cannot bind, which would leave no chance to say what is wrong or to
	 * close the other servers.
	 */
	private void checkPortsAreFree() throws IOException {
		Map<String, Integer> ports = new LinkedHashMap<>();
		if (this.settings.kafkaEnabled()) {
			ports.put("Kafka", this.settings.kafkaPort());
			ports.put("Kafka controller", this.settings.kafkaControllerPort());
		}
		if (this.settings.mongoEnabled()) {
			this.settings.mongoPorts().forEach((store, port) -> ports.put("MongoDB " + store, port));
		}
		if (this.settings.mailEnabled()) {
			ports.put("SMTP", this.settings.smtpPort());
			ports.put("mail UI", this.settings.mailUiPort());
		}
		if (this.settings.legacyEnabled()) {
			ports.put("legacy stand-in", this.settings.legacyPort());
		}
		InetAddress address = InetAddress.getByName(this.settings.host());
		List<String> busy = new ArrayList<>();
		ports.forEach((name, port) -> {
			try (ServerSocket socket = new ServerSocket()) {
				socket.setReuseAddress(true);
				socket.bind(new InetSocketAddress(address, port));
			}
			catch (IOException ex) {
				busy.add(name + " " + this.settings.host() + ":" + port);
			}
		});
		if (!busy.isEmpty()) {
			throw new IllegalStateException("Port(s) already in use: " + String.join(", ", busy)
					+ ". Stop whatever uses them, or move the part with ATLAS_*_PORT (see docs/embedded-suite.md).");
		}
	}

	private static KafkaBroker joinKafka(CompletableFuture<KafkaBroker> start) throws Exception {
		try {
			return start.join();
		}
		catch (CompletionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof CompletionException nested && nested.getCause() != null) {
				cause = nested.getCause();
			}
			throw (cause instanceof Exception exception) ? exception : new IllegalStateException(cause);
		}
	}

	private <T extends AutoCloseable> T started(T part) {
		this.running.push(part);
		return part;
	}

	/**
	 * What runs where, e.g. {@code kafka=127.0.0.1:9092},
	 * {@code mongo.notification=mongodb://127.0.0.1:27101}.
	 * @return one {@code name=address} entry per part
	 */
	public List<String> endpoints() {
		return List.copyOf(this.endpoints);
	}

	public InfraSettings settings() {
		return this.settings;
	}

	/**
	 * The running Kafka broker's bootstrap servers.
	 * @return {@code host:port}, or null when Kafka is external
	 */
	public String kafkaBootstrapServers() {
		return (this.kafka != null) ? this.kafka.bootstrapServers() : null;
	}

	/**
	 * The mail catcher's web address.
	 * @return the URL, or null when mail is external
	 */
	public String mailUiUrl() {
		return (this.mail != null) ? this.mail.webUrl() : null;
	}

	/**
	 * The legacy stand-in's address.
	 * @return the URL, or null when the legacy backend is external
	 */
	public String legacyUrl() {
		return (this.legacy != null) ? this.legacy.url() : null;
	}

	/** Stops every part in reverse start order; Kafka, started last, stops first. */
	@Override
	public void close() {
		while (!this.running.isEmpty()) {
			AutoCloseable part = this.running.pop();
			try {
				part.close();
			}
			catch (Exception ex) {
				System.err.println("Failed to stop " + part.getClass().getSimpleName() + ": " + ex);
			}
		}
	}

}

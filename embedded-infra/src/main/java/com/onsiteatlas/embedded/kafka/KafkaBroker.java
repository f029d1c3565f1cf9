package com.onsiteatlas.embedded.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A single-node Kafka broker in KRaft combined mode (broker and controller in one
 * server), started in this JVM. The log directory is formatted on first start only, so
 * topics and offsets survive restarts.
 */
public final class KafkaBroker implements AutoCloseable {

	private static final int NODE_ID = 1;

	private final String host;

	private final int port;

	private final KafkaRaftServer server;

	private KafkaBroker(String host, int port, KafkaRaftServer server) {
		this.host = host;
		this.port = port;
		this.server = server;
	}

	/**
	 * Formats the log directory if needed and starts the broker; returns once it accepts
	 * client requests.
	 * @param logDir where the broker keeps its logs and metadata
	 * @param host the address to bind to and advertise
	 * @param port the client (PLAINTEXT) port
	 * @param controllerPort the KRaft controller port
	 * @return the running broker
	 * @throws Exception when formatting or starting fails
	 */
	public static KafkaBroker start(Path logDir, String host, int port, int controllerPort) throws Exception {
		Files.createDirectories(logDir);
		KafkaConfig config = KafkaConfig.fromProps(properties(logDir, host, port, controllerPort), false);
		formatIfNeeded(config, logDir);
		KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
		server.startup();
		KafkaBroker broker = new KafkaBroker(host, port, server);
		try {
			broker.awaitClientListener(Duration.ofSeconds(30));
		}
		catch (Exception ex) {
			broker.close();
			throw ex;
		}
		return broker;
	}

	/**
	 * The address clients use.
	 * @return {@code host:port}
	 */
	public String bootstrapServers() {
		return this.host + ":" + this.port;
	}

	/**
	 * Controlled shutdown: the broker leaves the cluster, then the controller stops and
	 * the logs are closed.
	 */
	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

	static Properties properties(Path logDir, String host, int port, int controllerPort) {
		Properties props = new Properties();
		props.putAll(Map.ofEntries(Map.entry("process.roles", "broker,controller"),
				Map.entry("node.id", String.valueOf(NODE_ID)),
				Map.entry("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort),
				Map.entry("listeners",
						"PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort),
				Map.entry("advertised.listeners", "PLAINTEXT://" + host + ":" + port),
				Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
				Map.entry("controller.listener.names", "CONTROLLER"),
				Map.entry("inter.broker.listener.name", "PLAINTEXT"),
				Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
				Map.entry("auto.create.topics.enable", "true"), Map.entry("num.partitions", "1"),
				Map.entry("default.replication.factor", "1"), Map.entry("min.insync.replicas", "1"),
				Map.entry("offsets.topic.replication.factor", "1"),
				// One offsets partition instead of 50: the first consumer group joins
				// faster, and a laptop
				// needs no spread.
				Map.entry("offsets.topic.num.partitions", "1"),
				Map.entry("transaction.state.log.replication.factor", "1"),
				Map.entry("transaction.state.log.min.isr", "1"), Map.entry("transaction.state.log.num.partitions", "1"),
				Map.entry("group.initial.rebalance.delay.ms", "0"),
				// The platform's topics keep every event so a new consumer can rebuild
				// its state (see Topics).
				Map.entry("log.retention.ms", "-1"),
				// Small segments and indexes keep the data directory small on a laptop.
				Map.entry("log.segment.bytes", String.valueOf(64 * 1024 * 1024)),
				Map.entry("log.index.size.max.bytes", String.valueOf(1024 * 1024)),
				// Idle cost (docs/PERFORMANCE.md, "Idle suite"): every request handler
				// and
				// network thread wakes about three times a second with nothing to do, and
				// a
				// handful of clients need neither Kafka's 8 handlers nor 3 network
				// threads per
				// listener.
				Map.entry("num.io.threads", "2"), Map.entry("num.network.threads", "1"),
				// The controller writes a no-op record to the metadata log every 10 s
				// instead of every 500 ms (each one appended, flushed and applied); it
				// only tells other nodes that the controller is alive, and there are
				// none.
				Map.entry("metadata.max.idle.interval.ms", "10000")));
		return props;
	}

	private static void formatIfNeeded(KafkaConfig config, Path logDir) throws Exception {
		if (Files.exists(logDir.resolve("meta.properties"))) {
			return;
		}
		new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
			.setNodeId(config.nodeId())
			.setClusterId(Uuid.randomUuid().toString())
			.setControllerListenerName(config.controllerListenerNames().head())
			.setMetadataLogDirectory(config.metadataLogDir())
			.addDirectory(logDir.toAbsolutePath().toString())
			.setIgnoreFormatted(true)
			.run();
	}

	private void awaitClientListener(Duration timeout) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()))) {
			admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

}

package com.onsiteatlas.legacyimport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code bin/atlas import}.
 *
 * @param mongoUri the legacy MongoDB, with its database
 * ({@code mongodb://host:27017/onsite-atlas})
 * @param database the database name when the URI has none, may be null
 * @param bootstrapServers the Kafka brokers
 * @param eventId only this conference, or null for all
 * @param dryRun count what would be published, publish nothing, move no checkpoint
 * @param restart ignore (and remove) the checkpoints of earlier runs
 * @param batchSize documents per cursor round trip and per checkpoint
 * @param limit stop after this many documents in this run (resumable), 0 for no limit
 * @param checkpointDir where the checkpoint files live
 * @param timezone the conference time zone ONSITE ATLAS does not store, may be null (UTC)
 * @param progressInterval the shortest time between two progress lines
 */
public record ImportOptions(String mongoUri, String database, String bootstrapServers, String eventId, boolean dryRun,
		boolean restart, int batchSize, long limit, Path checkpointDir, String timezone, Duration progressInterval) {

	static final String USAGE = """
			Usage: bin/atlas import --legacy-mongodb-uri mongodb://host:27017/<database> [options]

			Publishes what ONSITE ATLAS's own MongoDB already holds (events, registrations, workshops,
			payments, abstracts, resources, sponsors) as replayed domain events: the services' read
			models fill, no notification trigger fires. Safe to run again: envelope ids are deterministic.

			  --legacy-mongodb-uri URI   the ONSITE ATLAS database (required)
			  --legacy-database NAME     the database when the URI names none
			  --event ID                 only this conference (its Event _id)
			  --bootstrap-servers LIST   Kafka brokers (default KAFKA_BOOTSTRAP_SERVERS, else the suite's broker);
			                             a broker with authentication: KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT (or
			                             SASL_SSL), KAFKA_SASL_USERNAME=onsite-atlas, KAFKA_SASL_PASSWORD
			  --dry-run                  count what would be published; publish nothing
			  --restart                  ignore the checkpoints of an earlier run and start from the beginning
			  --batch-size N             documents per round trip and per checkpoint (default 500)
			  --limit N                  stop after N documents (run again to resume)
			  --checkpoint-dir DIR       where checkpoints live (default .atlas/legacy-import)
			  --timezone ZONE            the conferences' IANA time zone (default ATLAS_EVENT_TIMEZONE, else UTC)
			""";

	/**
	 * Reads the arguments.
	 * @param args the command line
	 * @param env the environment (defaults)
	 * @param defaultBootstrap the suite's broker when neither option nor variable names
	 * one
	 * @return the options
	 * @throws IllegalArgumentException with a message for the user
	 */
	static ImportOptions parse(List<String> args, Map<String, String> env, String defaultBootstrap) {
		Deque<String> rest = new ArrayDeque<>(args);
		String uri = null;
		String database = null;
		String bootstrap = blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS"));
		String eventId = null;
		boolean dryRun = false;
		boolean restart = false;
		int batchSize = 500;
		long limit = 0;
		Path checkpointDir = Path.of(".atlas", "legacy-import");
		String timezone = blankToNull(env.get("ATLAS_EVENT_TIMEZONE"));
		while (!rest.isEmpty()) {
			String arg = rest.pop();
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			if (arg.contains("=")) {
				rest.push(arg.substring(arg.indexOf('=') + 1));
			}
			switch (name) {
				case "--legacy-mongodb-uri" -> uri = value(name, rest);
				case "--legacy-database" -> database = value(name, rest);
				case "--event" -> eventId = value(name, rest);
				case "--bootstrap-servers" -> bootstrap = value(name, rest);
				case "--dry-run" -> dryRun = true;
				case "--restart" -> restart = true;
				case "--batch-size" -> batchSize = positive(name, value(name, rest));
				case "--limit" -> limit = positive(name, value(name, rest));
				case "--checkpoint-dir" -> checkpointDir = Path.of(value(name, rest));
				case "--timezone" -> timezone = value(name, rest);
				default -> throw new IllegalArgumentException("Unknown option " + arg);
			}
		}
		if (uri == null) {
			throw new IllegalArgumentException("--legacy-mongodb-uri is required");
		}
		return new ImportOptions(uri, database, (bootstrap != null) ? bootstrap : defaultBootstrap, eventId, dryRun,
				restart, batchSize, limit, checkpointDir, timezone, Duration.ofSeconds(1));
	}

	private static String value(String name, Deque<String> rest) {
		if (rest.isEmpty() || rest.peek().startsWith("--")) {
			throw new IllegalArgumentException(name + " needs a value");
		}
		return rest.pop();
	}

	private static int positive(String name, String value) {
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(name + " must be a positive number, not " + value);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}

package com.onsiteatlas.legacyimport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import com.onsiteatlas.domainevents.KafkaClientSecurity;
import com.onsiteatlas.launch.SuitePlan;
import com.onsiteatlas.legacyimport.emails.EmailSettingsImport;
import com.onsiteatlas.legacyimport.publish.EventSink;
import com.onsiteatlas.legacyimport.publish.KafkaEventSink;
import com.onsiteatlas.legacyimport.publish.PublishFailedException;
import com.onsiteatlas.legacyimport.source.LegacySource;

/**
 * {@code bin/atlas import}: parses the command line, connects to the legacy MongoDB and
 * the brokers, runs {@link LegacyImport} and prints its summary. Ctrl-C stops after the
 * current document with the checkpoint saved; the next run resumes.
 */
public final class LegacyImportCommand {

	private LegacyImportCommand() {
	}

	public static void main(String[] args) {
		System.exit(run(List.of(args), System.out, System.err));
	}

	/**
	 * Runs the command.
	 * @param args the arguments
	 * @param out progress and summary
	 * @param err errors
	 * @return the exit code: 0 done (or stopped by {@code --limit}), 1 failed, 2 usage,
	 * 130 interrupted
	 */
	static int run(List<String> args, PrintStream out, PrintStream err) {
		if (args.contains("--help") || args.contains("-h")) {
			out.print(ImportOptions.USAGE);
			out.print(EmailTemplateOptions.USAGE);
			return 0;
		}
		ImportOptions options;
		EmailTemplateOptions emails;
		try {
			SuitePlan suite = SuitePlan.fromEnvironment(Path.of("").toAbsolutePath(), System.getenv());
			emails = EmailTemplateOptions.parse(args, System.getenv(), suite.gatewayUrl());
			options = ImportOptions.parse((emails != null) ? emails.rest() : args, System.getenv(),
					suite.kafkaBootstrap());
		}
		catch (IllegalArgumentException ex) {
			err.println("ERROR: " + ex.getMessage());
			err.print(ImportOptions.USAGE);
			err.print(EmailTemplateOptions.USAGE);
			return 2;
		}
		ConnectionString connection = new ConnectionString(options.mongoUri());
		String database = (options.database() != null) ? options.database() : connection.getDatabase();
		if (database == null) {
			err.println("ERROR: name the ONSITE ATLAS database in the URI (mongodb://host:27017/<database>) "
					+ "or with --legacy-database");
			return 2;
		}
		if (emails != null) {
			return importEmailSettings(connection, database, options, emails, out, err);
		}
		out.printf("Importing %s from %s into %s%s%n",
				(options.eventId() != null) ? "conference " + options.eventId() : "every conference", database,
				options.dryRun() ? "nothing (dry run)" : options.bootstrapServers(),
				options.restart() ? ", from the beginning" : "");
		try (MongoClient client = MongoClients.create(connection);
				EventSink sink = options.dryRun() ? EventSink.discarding() : new KafkaEventSink(
						options.bootstrapServers(), KafkaClientSecurity.properties(System::getenv))) {
			LegacyImport run = new LegacyImport(new LegacySource(client.getDatabase(database)), sink, options, out,
					Clock.systemUTC());
			CountDownLatch finished = new CountDownLatch(1);
			boolean[] interrupted = { false };
			Thread hook = new Thread(() -> {
				interrupted[0] = true;
				run.requestStop();
				awaitQuietly(finished);
			}, "legacy-import-stop");
			Runtime.getRuntime().addShutdownHook(hook);
			try {
				LegacyImport.Outcome outcome = run.run();
				out.print(outcome.tally().summary());
				if (outcome.stopped()) {
					out.println("Stopped before the end; run the same command again to resume from the checkpoints in "
							+ options.checkpointDir().toAbsolutePath());
				}
			}
			finally {
				// On Ctrl-C the JVM halts once the hook returns: checkpoint and summary
				// first.
				finished.countDown();
			}
			if (!interrupted[0]) {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			return interrupted[0] ? 130 : 0;
		}
		catch (PublishFailedException ex) {
			err.println("ERROR: " + ex.getMessage() + " (the checkpoint did not move; run again to retry)");
			return 1;
		}
		catch (MongoException ex) {
			err.println("ERROR: reading the ONSITE ATLAS database failed: " + ex.getMessage()
					+ " (the checkpoint did not move; run again to resume)");
			return 1;
		}
	}

	/**
	 * {@code --email-templates}: each conference's e-mail settings to
	 * notification-service; nothing is published.
	 * @return 0 when every conference's settings were imported, 1 otherwise
	 */
	private static int importEmailSettings(ConnectionString connection, String database, ImportOptions options,
			EmailTemplateOptions emails, PrintStream out, PrintStream err) {
		out.printf("Importing the e-mail settings of %s from %s into %s%n",
				(options.eventId() != null) ? "conference " + options.eventId() : "every conference", database,
				emails.gatewayUrl());
		try (MongoClient client = MongoClients.create(connection)) {
			EmailSettingsImport.Outcome outcome = new EmailSettingsImport(client.getDatabase(database),
					emails.gatewayUrl(), emails.token(), out)
				.run(options.eventId());
			if (!outcome.failed().isEmpty()) {
				err.println("ERROR: the e-mail settings of " + String.join(", ", outcome.failed())
						+ " were not imported (see above); run again once fixed (an import is safe to repeat)");
				return 1;
			}
			return 0;
		}
		catch (MongoException ex) {
			err.println("ERROR: reading the ONSITE ATLAS database failed: " + ex.getMessage());
			return 1;
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

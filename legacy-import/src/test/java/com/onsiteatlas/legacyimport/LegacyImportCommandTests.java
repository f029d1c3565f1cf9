package com.onsiteatlas.legacyimport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.onsiteatlas.embeddedmongo.IdIndexedMemoryBackend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/atlas import} as the operator runs it: arguments in, progress and summary
 * out, an exit code.
 */
class LegacyImportCommandTests {

	private MongoServer server;

	private String uri;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@TempDir
	Path checkpoints;

	@BeforeEach
	void seed() {
		this.server = new MongoServer(new IdIndexedMemoryBackend());
		this.uri = this.server.bindAndGetConnectionString() + "/onsite-atlas";
		try (MongoClient client = MongoClients.create(this.uri)) {
			LegacyData data = new LegacyData(client.getDatabase("onsite-atlas")).conference("Cardiology Summit");
			data.registrations(40);
		}
	}

	@AfterEach
	void stop() {
		this.server.shutdownNow();
	}

	@Test
	void aDryRunPrintsProgressAndTheCountsItWouldPublish() {
		int exit = run("--legacy-mongodb-uri", this.uri, "--dry-run", "--bootstrap-servers", "localhost:1",
				"--checkpoint-dir", this.checkpoints.toString());

		String output = this.out.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(this.err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(output).contains("Importing every conference from onsite-atlas into nothing (dry run)")
			.contains("registrations: 40 document(s)")
			.contains("41 documents read, 41 events")
			.containsPattern("registration-created +40");
		assertThat(this.checkpoints).isEmptyDirectory();
	}

	@Test
	void aMistakeInTheArgumentsPrintsTheUsageAndExitsWithTwo() {
		assertThat(run("--event", "665f1c2ab4d3e8a9c0f1aaaa")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--legacy-mongodb-uri is required")
			.contains("Usage: bin/atlas import");
		assertThat(run("--legacy-mongodb-uri", "mongodb://localhost:1", "--dry-run")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("name the ONSITE ATLAS database");
	}

	private int run(String... args) {
		return LegacyImportCommand.run(List.of(args), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

}

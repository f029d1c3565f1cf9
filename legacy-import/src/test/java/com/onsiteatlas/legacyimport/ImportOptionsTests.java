package com.onsiteatlas.legacyimport;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The command line of {@code bin/atlas import}.
 */
class ImportOptionsTests {

	@Test
	void theSuitesBrokerIsTheDefaultUnlessTheEnvironmentOrAnOptionNamesOne() {
		ImportOptions plain = ImportOptions.parse(List.of("--legacy-mongodb-uri", "mongodb://legacy:27017/atlas"),
				Map.of(), "localhost:9092");
		ImportOptions fromEnv = ImportOptions.parse(List.of("--legacy-mongodb-uri", "mongodb://legacy:27017/atlas"),
				Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:29092"), "localhost:9092");
		ImportOptions fromOption = ImportOptions.parse(
				List.of("--legacy-mongodb-uri=mongodb://legacy:27017/atlas", "--bootstrap-servers=b1:9092"),
				Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:29092"), "localhost:9092");

		assertThat(plain.bootstrapServers()).isEqualTo("localhost:9092");
		assertThat(plain.eventId()).isNull();
		assertThat(plain.dryRun()).isFalse();
		assertThat(plain.restart()).isFalse();
		assertThat(plain.batchSize()).isEqualTo(500);
		assertThat(plain.checkpointDir()).isEqualTo(Path.of(".atlas", "legacy-import"));
		assertThat(fromEnv.bootstrapServers()).isEqualTo("kafka:29092");
		assertThat(fromOption.bootstrapServers()).isEqualTo("b1:9092");
		assertThat(fromOption.mongoUri()).isEqualTo("mongodb://legacy:27017/atlas");
	}

	@Test
	void readsTheFilterAndSwitches() {
		ImportOptions options = ImportOptions.parse(List.of("--legacy-mongodb-uri", "mongodb://legacy/atlas", "--event",
				"665f1c2ab4d3e8a9c0f1aaaa", "--dry-run", "--restart", "--batch-size", "50", "--limit", "7",
				"--checkpoint-dir", "/tmp/cp", "--timezone", "Asia/Kolkata"), Map.of(), "localhost:9092");

		assertThat(options.eventId()).isEqualTo("665f1c2ab4d3e8a9c0f1aaaa");
		assertThat(options.dryRun()).isTrue();
		assertThat(options.restart()).isTrue();
		assertThat(options.batchSize()).isEqualTo(50);
		assertThat(options.limit()).isEqualTo(7);
		assertThat(options.checkpointDir()).isEqualTo(Path.of("/tmp/cp"));
		assertThat(options.timezone()).isEqualTo("Asia/Kolkata");
	}

	@Test
	void refusesAMissingUriAnUnknownOptionAndABadNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> ImportOptions.parse(List.of(), Map.of(), "b:9092"))
			.withMessage("--legacy-mongodb-uri is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ImportOptions.parse(List.of("--legacy-mongodb-uri", "mongodb://x/y", "--evnt", "1"),
					Map.of(), "b:9092"))
			.withMessage("Unknown option --evnt");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ImportOptions.parse(List.of("--legacy-mongodb-uri", "mongodb://x/y", "--batch-size", "0"),
					Map.of(), "b:9092"))
			.withMessage("--batch-size must be a positive number, not 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ImportOptions.parse(List.of("--legacy-mongodb-uri", "--event", "1"), Map.of(), "b:9092"))
			.withMessage("--legacy-mongodb-uri needs a value");
	}

}

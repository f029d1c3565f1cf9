package com.onsiteatlas.embedded;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Start-up without Kafka, so these tests do not need the shared broker. */
class EmbeddedInfraStartupTests {

	@TempDir
	Path dir;

	@Test
	void refusesToStartAndNamesThePortWhenItIsTaken() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			Map<String, String> env = Map.of("ATLAS_DATA_DIR", this.dir.toString(), "ATLAS_EMBEDDED_KAFKA", "false",
					"ATLAS_EMBEDDED_MONGO", "false", "ATLAS_EMBEDDED_MAIL", "false", "ATLAS_LEGACY_PORT",
					String.valueOf(taken.getLocalPort()));

			assertThatIllegalStateException().isThrownBy(() -> EmbeddedInfra.start(InfraSettings.from(env::get)))
				.withMessageContaining("legacy stand-in 127.0.0.1:" + taken.getLocalPort());
		}
	}

	@Test
	void listsExternalPartsAndStopsCleanly() throws Exception {
		Map<String, String> env = Map.of("ATLAS_DATA_DIR", this.dir.toString(), "KAFKA_BOOTSTRAP_SERVERS",
				"broker:9092", "MONGODB_URI", "mongodb://db:27017", "ATLAS_SMTP_PORT",
				String.valueOf(TestInfra.freePort()), "ATLAS_MAIL_UI_PORT", String.valueOf(TestInfra.freePort()),
				"LEGACY_BACKEND_URL", "https://atlas.example.org");

		try (EmbeddedInfra infra = EmbeddedInfra.start(InfraSettings.from(env::get))) {
			assertThat(infra.endpoints()).contains("kafka=external", "mongo=external", "legacy=external")
				.anyMatch((endpoint) -> endpoint.startsWith("mail-ui=http://127.0.0.1:"));
			assertThat(infra.kafkaBootstrapServers()).isNull();
		}
	}

}

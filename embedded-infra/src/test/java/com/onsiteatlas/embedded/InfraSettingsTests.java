package com.onsiteatlas.embedded;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InfraSettingsTests {

	@Test
	void defaultsMatchTheDocumentedPorts() {
		InfraSettings settings = InfraSettings.from((name) -> null);

		assertThat(settings.kafkaEnabled()).isTrue();
		assertThat(settings.kafkaPort()).isEqualTo(9092);
		assertThat(settings.kafkaControllerPort()).isEqualTo(9093);
		assertThat(settings.mongoPorts()).containsExactly(Map.entry("notification", 27101),
				Map.entry("lodging-travel", 27102), Map.entry("reporting", 27103));
		assertThat(settings.smtpPort()).isEqualTo(3025);
		assertThat(settings.mailUiPort()).isEqualTo(8025);
		assertThat(settings.legacyPort()).isEqualTo(8090);
		assertThat(settings.dataDir()).isEqualTo(Path.of(".atlas/data").toAbsolutePath());
		assertThat(settings.jwtSecret()).isEqualTo(InfraSettings.DEV_JWT_SECRET);
	}

	@Test
	void externalServicesSwitchTheirEmbeddedPartsOff() {
		Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092", "MONGODB_URI", "mongodb://db:27017",
				"SMTP_HOST", "smtp.example.org", "LEGACY_BACKEND_URL", "https://atlas.example.org");

		InfraSettings settings = InfraSettings.from(env::get);

		assertThat(settings.kafkaEnabled()).isFalse();
		assertThat(settings.mongoEnabled()).isFalse();
		assertThat(settings.mailEnabled()).isFalse();
		assertThat(settings.legacyEnabled()).isFalse();
	}

	@Test
	void explicitSwitchWinsOverTheExternalVariable() {
		Map<String, String> env = Map.of("MONGODB_URI", "mongodb://db:27017", "ATLAS_EMBEDDED_MONGO", "true",
				"ATLAS_EMBEDDED_KAFKA", "false");

		InfraSettings settings = InfraSettings.from(env::get);

		assertThat(settings.mongoEnabled()).isTrue();
		assertThat(settings.kafkaEnabled()).isFalse();
	}

	@Test
	void rejectsAPortThatIsNotANumber() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InfraSettings.from(Map.of("ATLAS_SMTP_PORT", "smtp")::get))
			.withMessageContaining("ATLAS_SMTP_PORT");
	}

	@Test
	void startsOnlyTheListedMongoStores() {
		InfraSettings settings = InfraSettings.from(Map.of("ATLAS_MONGO_STORES", " reporting ,notification")::get);
		assertThat(settings.mongoPorts()).containsOnlyKeys("notification", "reporting");
	}

	@Test
	void rejectsAnUnknownMongoStore() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InfraSettings.from(Map.of("ATLAS_MONGO_STORES", "notification,billing")::get))
			.withMessageContaining("ATLAS_MONGO_STORES")
			.withMessageContaining("billing");
	}

}

package com.onsiteatlas.reporting.schedule;

import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.onsiteatlas.reporting.ReportingIntegrationTest;
import com.onsiteatlas.support.crypto.AesGcmCipher;
import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rekey command of the schedules' cloud-storage secrets: after a rotation ({@code k2}
 * current), secrets sealed before key ids and under the key derived from
 * {@code ATLAS_ENCRYPTION_KEY} are re-encrypted under {@code k2}, once; with the old keys
 * removed they still decrypt.
 */
class ScheduleSecretsRekeyTests extends ReportingIntegrationTest {

	private static final String DEV_KEY = "ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=";

	/**
	 * "smtp-password-from-before" sealed by AesGcmCipher of main before key ids (d524142)
	 * under the development ATLAS_ENCRYPTION_KEY.
	 */
	private static final String SEALED_BEFORE_KEY_IDS = "v1:REKEWQ0aIeEBuA1eDIFZ8VjRhJpPafeTmgFi6Jei+H+pD8/zNoVBUUM1EC1D2qyDcGrbHnE=";

	@Autowired
	ReactiveMongoTemplate mongo;

	private final ObjectId id = new ObjectId();

	/** The schedule of this test is only its secrets: other tests must not read it. */
	@AfterEach
	void removeSchedule() {
		this.mongo.remove(Query.query(Criteria.where("_id").is(this.id)), ReportSchedule.COLLECTION).block();
	}

	@Test
	void reEncryptsTheSchedulesSecretsUnderTheCurrentKeyOnce() {
		ObjectId id = this.id;
		String underEnv = new AesGcmCipher(Keyring.of(KeyPurpose.PROVIDER_SECRETS, DEV_KEY, null, null))
			.encrypt("token-under-env");
		this.mongo.insert(new Document("_id", id).append("name", "rekey")
			.append("delivery",
					new Document("type", "cloud_storage").append("cloudStorage",
							new Document("provider", "s3").append("config",
									new Document("secretAccessKey", SEALED_BEFORE_KEY_IDS)
										.append("accessToken", underEnv)
										.append("bucket", "b")))),
				ReportSchedule.COLLECTION)
			.block();

		as("admin").post()
			.uri("/api/crypto/rekey/provider-secrets")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.rekeyed")
			.value((rekeyed) -> assertThat(((Number) rekeyed).longValue()).isGreaterThanOrEqualTo(2))
			.jsonPath("$.data.failed")
			.isEqualTo(0)
			.jsonPath("$.data.currentKeyId")
			.isEqualTo("k2");

		Document config = config(id);
		AesGcmCipher onlyK2 = new AesGcmCipher(
				Keyring.of(KeyPurpose.PROVIDER_SECRETS, null, "k2", Map.of("k2", PROVIDER_SECRETS_K2)));
		assertThat(config.getString("secretAccessKey")).startsWith("v2:k2:");
		assertThat(onlyK2.decrypt(config.getString("secretAccessKey"))).isEqualTo("smtp-password-from-before");
		assertThat(onlyK2.decrypt(config.getString("accessToken"))).isEqualTo("token-under-env");
		assertThat(config.getString("bucket")).isEqualTo("b");

		as("admin").post()
			.uri("/api/crypto/rekey/provider-secrets")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.rekeyed")
			.isEqualTo(0);
		assertThat(config(id).getString("accessToken")).isEqualTo(config.getString("accessToken"));
		as("manager").post().uri("/api/crypto/rekey/provider-secrets").exchange().expectStatus().isForbidden();
		as("admin").post().uri("/api/crypto/rekey/documents").exchange().expectStatus().isBadRequest();
		// The one rekey route of the service serves its other purpose too.
		as("admin").post()
			.uri("/api/crypto/rekey/export-files")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.purpose")
			.isEqualTo("export-files");
	}

	private Document config(ObjectId id) {
		return this.mongo.findById(id, Document.class, ReportSchedule.COLLECTION)
			.block()
			.get("delivery", Document.class)
			.get("cloudStorage", Document.class)
			.get("config", Document.class);
	}

}

package com.onsiteatlas.notification.settings;

import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;
import com.onsiteatlas.support.crypto.AesGcmCipher;
import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rekey command of provider secrets: after a rotation ({@code k2} current, the key
 * derived from {@code ATLAS_ENCRYPTION_KEY} older), every stored secret is re-encrypted
 * under {@code k2}, a second run changes nothing, and with the old keys removed (no
 * {@code ATLAS_ENCRYPTION_KEY} at all) everything still decrypts.
 */
class SecretsRekeyTests extends NotificationIntegrationTest {

	private static final String DEV_KEY = "ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=";

	/**
	 * "smtp-password-from-before" as notification-service sealed it before key ids (main
	 * at d524142, under the development ATLAS_ENCRYPTION_KEY).
	 */
	private static final String SEALED_BEFORE_KEY_IDS = "v1:REKEWQ0aIeEBuA1eDIFZ8VjRhJpPafeTmgFi6Jei+H+pD8/zNoVBUUM1EC1D2qyDcGrbHnE=";

	@Test
	void reEncryptsEveryStoredSecretUnderTheCurrentKeySoTheOldKeysCanBeRemoved() {
		ObjectId id = new ObjectId();
		String underEnv = new AesGcmCipher(Keyring.of(KeyPurpose.PROVIDER_SECRETS, DEV_KEY, null, null))
			.encrypt("whatsapp-token-under-env");
		this.mongo
			.insert(new Document("_id", id).append("event", id.toHexString())
				.append("email",
						new Document("smtp",
								new Document("host", "smtp.example.org").append("password", SEALED_BEFORE_KEY_IDS)))
				.append("whatsapp", new Document("apiKey", underEnv))
				.append("sms",
						new Document("providers",
								new Document("twilio", new Document("authToken", "clear-text-left-alone")))),
					NotificationConfig.COLLECTION)
			.block();

		Map<String, Object> first = rekey();
		assertThat(((Number) first.get("rekeyed")).longValue()).isGreaterThanOrEqualTo(2);
		assertThat(first.get("failed")).isEqualTo(0);
		assertThat(first.get("currentKeyId")).isEqualTo("k2");

		Document stored = stored(id);
		String password = stored.get("email", Document.class).get("smtp", Document.class).getString("password");
		String apiKey = stored.get("whatsapp", Document.class).getString("apiKey");
		assertThat(password).startsWith("v2:k2:");
		assertThat(apiKey).startsWith("v2:k2:");
		// The old keys removed: only k2, no ATLAS_ENCRYPTION_KEY.
		AesGcmCipher onlyK2 = new AesGcmCipher(
				Keyring.of(KeyPurpose.PROVIDER_SECRETS, null, "k2", Map.of("k2", PROVIDER_SECRETS_K2)));
		assertThat(onlyK2.decrypt(password)).isEqualTo("smtp-password-from-before");
		assertThat(onlyK2.decrypt(apiKey)).isEqualTo("whatsapp-token-under-env");
		assertThat(stored.get("sms", Document.class)
			.get("providers", Document.class)
			.get("twilio", Document.class)
			.getString("authToken")).isEqualTo("clear-text-left-alone");

		Map<String, Object> second = rekey();
		assertThat(second.get("rekeyed")).isEqualTo(0);
		assertThat(((Number) second.get("alreadyCurrent")).longValue()).isGreaterThanOrEqualTo(2);
		assertThat(stored(id).get("whatsapp", Document.class).getString("apiKey")).isEqualTo(apiKey);
	}

	@Test
	void onlyAnAdminMayRekeyAndOnlyThePurposesThisServiceHolds() {
		Staff.as(this.client, "manager")
			.post()
			.uri("/api/crypto/rekey/provider-secrets")
			.exchange()
			.expectStatus()
			.isForbidden();
		Staff.as(this.client, "admin")
			.post()
			.uri("/api/crypto/rekey/documents")
			.exchange()
			.expectStatus()
			.isBadRequest();
		Staff.as(this.client, "admin")
			.post()
			.uri("/api/crypto/rekey/passwords")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((message) -> assertThat(message.toString()).contains("provider-secrets"));
		Staff.as(this.client, "admin")
			.post()
			.uri("/api/crypto/rekey/unsubscribe-links")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.examined")
			.isEqualTo(0);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> rekey() {
		Map<String, Object> body = Staff.as(this.client, "admin")
			.post()
			.uri("/api/crypto/rekey/provider-secrets")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (Map<String, Object>) body.get("data");
	}

	private Document stored(ObjectId id) {
		return this.mongo.findById(id, Document.class, NotificationConfig.COLLECTION).block();
	}

}

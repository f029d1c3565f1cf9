package com.onsiteatlas.notification.settings;

import reactor.core.publisher.Mono;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.config.NotificationProperties;
import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;
import com.onsiteatlas.support.crypto.RekeyReport;
import com.onsiteatlas.support.web.ApiException;

/**
 * Re-encrypts what this service stores under a purpose's current key, for the rekey
 * command: the channel settings' provider secrets. Unsubscribe links are signed, not
 * stored: a rotation of their key needs no re-encryption (links signed under the old key
 * work until it is removed from the ring).
 */
@Component
class SecretsRekey {

	private final ProviderSecretsRepository secrets;

	private final Environment environment;

	private final String encryptionKey;

	SecretsRekey(ProviderSecretsRepository secrets, Environment environment, NotificationProperties properties) {
		this.secrets = secrets;
		this.environment = environment;
		this.encryptionKey = properties.encryptionKey();
	}

	/**
	 * Re-encrypts a purpose's ciphertexts.
	 * @param purpose what to re-encrypt
	 * @return the counts
	 * @throws ApiException 400 for a purpose this service does not hold
	 */
	Mono<RekeyReport> rekey(KeyPurpose purpose) {
		Keyring keyring = Keyring.from(this.environment, purpose, this.encryptionKey);
		return switch (purpose) {
			case PROVIDER_SECRETS -> this.secrets.rekey(keyring, purpose);
			case UNSUBSCRIBE_LINKS -> Mono.just(RekeyReport.empty(purpose, keyring.currentId()));
			default -> Mono.error(ApiException
				.badRequest("notification-service holds no " + purpose.label() + "; it holds provider-secrets"));
		};
	}

}

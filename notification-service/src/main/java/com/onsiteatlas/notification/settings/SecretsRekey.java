package com.onsiteatlas.notification.settings;

import reactor.core.publisher.Mono;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.config.NotificationProperties;
import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;
import com.onsiteatlas.support.crypto.RekeyReport;
import com.onsiteatlas.support.crypto.Rekeying;

/**
 * Re-encrypts the channel settings' provider secrets under the provider-secrets keyring's
 * current key, for the rekey command.
 */
@Component
class SecretsRekey implements Rekeying {

	private final ProviderSecretsRepository secrets;

	private final Environment environment;

	private final String encryptionKey;

	SecretsRekey(ProviderSecretsRepository secrets, Environment environment, NotificationProperties properties) {
		this.secrets = secrets;
		this.environment = environment;
		this.encryptionKey = properties.encryptionKey();
	}

	@Override
	public KeyPurpose purpose() {
		return KeyPurpose.PROVIDER_SECRETS;
	}

	@Override
	public Mono<RekeyReport> rekey() {
		return this.secrets.rekey(Keyring.from(this.environment, KeyPurpose.PROVIDER_SECRETS, this.encryptionKey),
				KeyPurpose.PROVIDER_SECRETS);
	}

}

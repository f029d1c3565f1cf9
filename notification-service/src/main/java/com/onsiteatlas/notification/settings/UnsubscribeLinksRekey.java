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
 * The rekey of unsubscribe links, which are signed, not stored: a rotation of their key
 * needs no re-encryption (links signed under the old key work until it is removed from
 * the ring), so it reports nothing examined and the current key's id.
 */
@Component
class UnsubscribeLinksRekey implements Rekeying {

	private final Environment environment;

	private final String encryptionKey;

	UnsubscribeLinksRekey(Environment environment, NotificationProperties properties) {
		this.environment = environment;
		this.encryptionKey = properties.encryptionKey();
	}

	@Override
	public KeyPurpose purpose() {
		return KeyPurpose.UNSUBSCRIBE_LINKS;
	}

	@Override
	public Mono<RekeyReport> rekey() {
		Keyring keyring = Keyring.from(this.environment, KeyPurpose.UNSUBSCRIBE_LINKS, this.encryptionKey);
		return Mono.just(RekeyReport.empty(KeyPurpose.UNSUBSCRIBE_LINKS, keyring.currentId()));
	}

}

package com.onsiteatlas.notification.settings;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;

import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;
import com.onsiteatlas.support.crypto.RekeyReport;
import com.onsiteatlas.support.crypto.SealedValues;

/**
 * The sealed provider secrets of the channel settings, as the rekey command re-encrypts
 * them.
 */
@Repository
class ProviderSecretsRepository {

	private final ReactiveMongoTemplate mongo;

	ProviderSecretsRepository(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	Mono<RekeyReport> rekey(Keyring keyring, KeyPurpose purpose) {
		return new SealedValues(this.mongo, keyring, purpose).rekey(NotificationConfig.COLLECTION);
	}

}

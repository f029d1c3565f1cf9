package com.onsiteatlas.reporting.schedule;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;
import com.onsiteatlas.support.crypto.RekeyReport;
import com.onsiteatlas.support.crypto.Rekeying;

/**
 * Re-encrypts the schedules' sealed cloud-storage secrets under the provider-secrets
 * keyring's current key, for the rekey command.
 */
@Component
class ScheduleSecretsRekey implements Rekeying {

	private final ReportScheduleRepository schedules;

	private final Environment environment;

	private final String encryptionKey;

	ScheduleSecretsRekey(ReportScheduleRepository schedules, Environment environment,
			@Value("${atlas.reporting.encryption-key}") String encryptionKey) {
		this.schedules = schedules;
		this.environment = environment;
		this.encryptionKey = encryptionKey;
	}

	@Override
	public KeyPurpose purpose() {
		return KeyPurpose.PROVIDER_SECRETS;
	}

	@Override
	public Mono<RekeyReport> rekey() {
		Keyring keyring = Keyring.from(this.environment, KeyPurpose.PROVIDER_SECRETS, this.encryptionKey);
		return this.schedules.resealSecrets(keyring);
	}

}

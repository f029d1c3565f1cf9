package com.onsiteatlas.reporting.schedule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.onsiteatlas.support.crypto.AesGcmCipher;
import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;
import com.onsiteatlas.support.web.ApiException;

/**
 * Keeps the cloud-storage secrets of schedules sealed at rest (AES-256-GCM under the
 * provider-secrets keyring, {@code atlas.crypto.provider-secrets.*}, or the key derived
 * for it from {@code ATLAS_ENCRYPTION_KEY}): sealed on every write, opened only to
 * deliver, masked in the API. Values stored in clear text by earlier versions are read as
 * they are and sealed by the next write of their schedule, or by
 * {@link #sealLegacySecrets()} at start.
 */
@Component
class ScheduleSecrets {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleSecrets.class);

	/** Keys of {@code delivery.cloudStorage.config} that hold secrets. */
	static final Set<String> SECRET_KEYS = Set.of("secretAccessKey", "accessToken", "refreshToken", "clientSecret");

	/** How the API shows a secret; sent back unchanged, it keeps the stored one. */
	static final String MASK = "******";

	private final AesGcmCipher cipher;

	private final ReportScheduleRepository schedules;

	ScheduleSecrets(@Value("${atlas.reporting.encryption-key}") String key, Environment environment,
			ReportScheduleRepository schedules) {
		this.cipher = new AesGcmCipher(Keyring.from(environment, KeyPurpose.PROVIDER_SECRETS, key));
		this.schedules = schedules;
	}

	/**
	 * The delivery to store: secrets sealed; a masked secret (as the API showed it) keeps
	 * the stored value.
	 * @param delivery the delivery of a create or update request
	 * @param stored the stored delivery of the schedule being updated, may be null
	 * @return the delivery with sealed secrets
	 */
	ReportSchedule.Delivery seal(ReportSchedule.Delivery delivery, ReportSchedule.Delivery stored) {
		if (delivery == null || delivery.cloudStorage() == null || delivery.cloudStorage().config() == null) {
			return delivery;
		}
		Map<String, Object> previous = (stored != null && stored.cloudStorage() != null
				&& stored.cloudStorage().config() != null) ? stored.cloudStorage().config() : Map.of();
		Map<String, Object> config = new LinkedHashMap<>(delivery.cloudStorage().config());
		for (String key : SECRET_KEYS) {
			Object value = config.get(key);
			if (value == null) {
				continue;
			}
			if (value.toString().startsWith(MASK)) {
				if (previous.get(key) == null) {
					throw ApiException.badRequest("delivery.cloudStorage.config." + key
							+ " is the masked placeholder; send the secret itself");
				}
				value = previous.get(key);
			}
			config.put(key, this.cipher.encryptIfPlain(value.toString()));
		}
		return new ReportSchedule.Delivery(delivery.type(), delivery.recipients(), delivery.subject(),
				delivery.message(), new ReportSchedule.CloudStorage(delivery.cloudStorage().provider(),
						delivery.cloudStorage().path(), config));
	}

	/**
	 * The provider settings with their secrets in clear, for an upload.
	 * @param storage the stored cloud target
	 * @return its config, secrets opened (clear-text legacy values as they are)
	 */
	Map<String, Object> open(ReportSchedule.CloudStorage storage) {
		if (storage == null || storage.config() == null) {
			return Map.of();
		}
		Map<String, Object> config = new LinkedHashMap<>(storage.config());
		config.replaceAll((key, value) -> (SECRET_KEYS.contains(key) && value != null)
				? this.cipher.decryptOrPlain(value.toString()) : value);
		return config;
	}

	/**
	 * Seals the secrets that earlier versions stored in clear text. Each update is
	 * guarded by the clear value, so instances starting together seal each value once and
	 * a concurrent change is not overwritten.
	 * @return completion
	 */
	Mono<Long> sealLegacySecrets() {
		return this.schedules.findWithCloudConfig()
			.filter((schedule) -> schedule.delivery().cloudStorage() != null
					&& schedule.delivery().cloudStorage().config() != null)
			.flatMap((schedule) -> Flux.fromIterable(SECRET_KEYS).concatMap((key) -> {
				Object value = schedule.delivery().cloudStorage().config().get(key);
				if (value == null || AesGcmCipher.isSealed(value.toString())) {
					return Mono.empty();
				}
				String path = "delivery.cloudStorage.config." + key;
				return this.schedules.replaceIfUnchanged(schedule.id(), path, value,
						this.cipher.encrypt(value.toString()));
			}), 4)
			.reduce(0L, Long::sum)
			.doOnNext((count) -> {
				if (count > 0) {
					logger.info("Sealed {} clear-text cloud storage secret(s) of report schedules", count);
				}
			});
	}

}

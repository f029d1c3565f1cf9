package com.onsiteatlas.notification.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import com.onsiteatlas.notification.settings.ResolvedConfig;

/**
 * The channel settings of the conferences in one batch of claimed notifications, each
 * resolved (read, decrypted, merged with the conference's sender) once for the batch
 * rather than once per notification. A change to the settings applies from the next
 * batch; a failed resolution is not kept, so the next notification tries again.
 */
final class BatchSettings {

	// Longer than any batch lives: the instance is dropped with its batch.
	private static final Duration FOR_THE_BATCH = Duration.ofHours(1);

	private final Function<String, Mono<ResolvedConfig>> resolve;

	private final Map<String, Mono<ResolvedConfig>> byConference = new ConcurrentHashMap<>();

	BatchSettings(Function<String, Mono<ResolvedConfig>> resolve) {
		this.resolve = resolve;
	}

	Mono<ResolvedConfig> of(String eventId) {
		return this.byConference.computeIfAbsent(eventId, (id) -> this.resolve.apply(id)
			.cache((resolved) -> FOR_THE_BATCH, (error) -> Duration.ZERO, () -> Duration.ZERO));
	}

}

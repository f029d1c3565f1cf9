package com.onsiteatlas.notification.delivery;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import com.onsiteatlas.notification.settings.ResolvedConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BatchSettingsTests {

	@Test
	void eachConferenceIsResolvedOncePerBatch() {
		AtomicInteger resolutions = new AtomicInteger();
		BatchSettings batch = new BatchSettings((eventId) -> Mono.fromSupplier(() -> {
			resolutions.incrementAndGet();
			return new ResolvedConfig(null, null);
		}));

		ResolvedConfig first = batch.of("event-a").block();
		assertThat(batch.of("event-a").block()).isSameAs(first);
		batch.of("event-b").block();
		batch.of("event-b").block();

		assertThat(resolutions).hasValue(2);
		new BatchSettings((eventId) -> Mono.fromSupplier(() -> {
			resolutions.incrementAndGet();
			return new ResolvedConfig(null, null);
		})).of("event-a").block();
		assertThat(resolutions).as("a new batch resolves again").hasValue(3);
	}

	@Test
	void aFailedResolutionIsTriedAgain() {
		AtomicInteger attempts = new AtomicInteger();
		BatchSettings batch = new BatchSettings((eventId) -> Mono.fromSupplier(() -> {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalStateException("database down");
			}
			return new ResolvedConfig(null, null);
		}));

		assertThatIllegalStateException().isThrownBy(() -> batch.of("event-a").block());
		assertThat(batch.of("event-a").block()).isNotNull();
		assertThat(batch.of("event-a").block()).isNotNull();
		assertThat(attempts).hasValue(2);
	}

}

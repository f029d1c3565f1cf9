package com.onsiteatlas.notification.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTests {

	@Test
	void spacesABurstEvenlyAtTheConfiguredRate() {
		AtomicLong clock = new AtomicLong(0);
		Pacer pacer = new Pacer(10, clock::get);
		assertThat(pacer.reserve()).isEqualTo(Duration.ZERO);
		assertThat(pacer.reserve()).isEqualTo(Duration.ofMillis(100));
		assertThat(pacer.reserve()).isEqualTo(Duration.ofMillis(200));
		// 10,000 queued at once take 1,000 s at 10/s instead of hitting the provider at
		// once.
		Duration last = Duration.ZERO;
		for (int i = 3; i < 10_000; i++) {
			last = pacer.reserve();
		}
		assertThat(last).isEqualTo(Duration.ofMillis(999_900));
	}

	@Test
	void doesNotSaveUpCreditWhileIdle() {
		AtomicLong clock = new AtomicLong(0);
		Pacer pacer = new Pacer(2, clock::get);
		pacer.reserve();
		clock.set(Duration.ofSeconds(10).toNanos());
		assertThat(pacer.reserve()).isEqualTo(Duration.ZERO);
		assertThat(pacer.reserve()).isEqualTo(Duration.ofMillis(500));
	}

}

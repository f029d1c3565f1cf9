package com.onsiteatlas.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketRateLimiterTests {

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(60, 1000, this.nanos::get);

	@Test
	void allowsABurstOfTheLimitThenRejectsWithRetryAfter() {
		for (int i = 1; i <= 60; i++) {
			TokenBucketRateLimiter.Decision decision = this.limiter.tryAcquire("10.0.0.1");
			assertThat(decision.allowed()).isTrue();
			assertThat(decision.remaining()).isEqualTo(60 - i);
		}
		TokenBucketRateLimiter.Decision rejected = this.limiter.tryAcquire("10.0.0.1");
		assertThat(rejected.allowed()).isFalse();
		assertThat(rejected.remaining()).isZero();
		assertThat(rejected.retryAfterSeconds()).isEqualTo(1);
		assertThat(rejected.limit()).isEqualTo(60);
	}

	@Test
	void refillsAtTheConfiguredRate() {
		drain("10.0.0.1");
		advance(Duration.ofMillis(999));
		assertThat(this.limiter.tryAcquire("10.0.0.1").allowed()).isFalse();
		advance(Duration.ofMillis(1));
		assertThat(this.limiter.tryAcquire("10.0.0.1").allowed()).isTrue();
		assertThat(this.limiter.tryAcquire("10.0.0.1").allowed()).isFalse();
		advance(Duration.ofSeconds(30));
		for (int i = 0; i < 30; i++) {
			assertThat(this.limiter.tryAcquire("10.0.0.1").allowed()).isTrue();
		}
		assertThat(this.limiter.tryAcquire("10.0.0.1").allowed()).isFalse();
	}

	@Test
	void neverStoresMoreThanTheBurst() {
		this.limiter.tryAcquire("10.0.0.1");
		advance(Duration.ofHours(1));
		assertThat(this.limiter.tryAcquire("10.0.0.1").remaining()).isEqualTo(59);
	}

	@Test
	void keepsClientsApart() {
		drain("10.0.0.1");
		assertThat(this.limiter.tryAcquire("10.0.0.2").allowed()).isTrue();
	}

	@Test
	void tellsSlowLimitsToRetryLater() {
		TokenBucketRateLimiter slow = new TokenBucketRateLimiter(2, 10, this.nanos::get);
		slow.tryAcquire("ip");
		slow.tryAcquire("ip");
		assertThat(slow.tryAcquire("ip").retryAfterSeconds()).isEqualTo(30);
	}

	@Test
	void forgetsIdleClientsAndBoundsTheNumberTracked() {
		TokenBucketRateLimiter small = new TokenBucketRateLimiter(60, 100, this.nanos::get);
		for (int i = 0; i < 1000; i++) {
			small.tryAcquire("10.1." + (i / 256) + "." + (i % 256));
		}
		assertThat(small.trackedKeys()).isLessThanOrEqualTo(100);
		advance(Duration.ofMinutes(2));
		assertThat(small.trackedKeys()).isZero();
	}

	private void drain(String key) {
		while (this.limiter.tryAcquire(key).allowed()) {
			// empty the bucket
		}
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}

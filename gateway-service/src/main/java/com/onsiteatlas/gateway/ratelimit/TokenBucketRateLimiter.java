package com.onsiteatlas.gateway.ratelimit;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * One token bucket per key: it holds up to {@code requestsPerMinute} tokens (the burst)
 * and refills continuously at {@code requestsPerMinute} per minute. Buckets idle for a
 * minute are full again, so they are dropped then; at most {@code maxKeys} buckets are
 * kept (the least recently used go first), which bounds memory. Never blocks: each bucket
 * is guarded by a short critical section with no I/O.
 */
class TokenBucketRateLimiter {

	private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

	private final int capacity;

	private final double tokensPerNano;

	private final LongSupplier nanoTime;

	private final Cache<String, Bucket> buckets;

	/**
	 * A limiter on the system clock.
	 * @param requestsPerMinute the sustained rate and burst size
	 * @param maxKeys the most keys tracked at once
	 */
	public TokenBucketRateLimiter(int requestsPerMinute, long maxKeys) {
		this(requestsPerMinute, maxKeys, System::nanoTime);
	}

	/**
	 * A limiter on the given clock, for tests.
	 * @param requestsPerMinute the sustained rate and burst size
	 * @param maxKeys the most keys tracked at once
	 * @param nanoTime a monotonic clock in nanoseconds
	 */
	public TokenBucketRateLimiter(int requestsPerMinute, long maxKeys, LongSupplier nanoTime) {
		if (requestsPerMinute < 1 || maxKeys < 1) {
			throw new IllegalArgumentException("requestsPerMinute and maxKeys must be positive");
		}
		this.capacity = requestsPerMinute;
		this.tokensPerNano = (double) requestsPerMinute / NANOS_PER_MINUTE;
		this.nanoTime = nanoTime;
		this.buckets = Caffeine.newBuilder()
			.maximumSize(maxKeys)
			.expireAfterAccess(Duration.ofMinutes(1))
			.ticker(nanoTime::getAsLong)
			.build();
	}

	/**
	 * Takes one token from the key's bucket if there is one.
	 * @param key the client key, for example its IP
	 * @return whether the request may go ahead, and the header values to send
	 */
	public Decision tryAcquire(String key) {
		long now = this.nanoTime.getAsLong();
		Bucket bucket = this.buckets.get(key, (ignored) -> new Bucket(this.capacity, now));
		return bucket.tryAcquire(now);
	}

	/**
	 * The number of tracked keys, for tests and metrics.
	 * @return an estimate
	 */
	public long trackedKeys() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

	/**
	 * The limit.
	 * @return requests per minute
	 */
	public int limit() {
		return this.capacity;
	}

	private final class Bucket {

		private double tokens;

		private long lastRefill;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.lastRefill = now;
		}

		synchronized Decision tryAcquire(long now) {
			long elapsed = Math.max(0, now - this.lastRefill);
			this.tokens = Math.min(TokenBucketRateLimiter.this.capacity,
					this.tokens + elapsed * TokenBucketRateLimiter.this.tokensPerNano);
			this.lastRefill = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return new Decision(true, TokenBucketRateLimiter.this.capacity, (int) Math.floor(this.tokens), 0);
			}
			double missingNanos = (1 - this.tokens) / TokenBucketRateLimiter.this.tokensPerNano;
			long retryAfterSeconds = Math.max(1, (long) Math.ceil(missingNanos / 1_000_000_000d));
			return new Decision(false, TokenBucketRateLimiter.this.capacity, 0, retryAfterSeconds);
		}

	}

	/**
	 * The outcome for one request.
	 *
	 * @param allowed whether the request may go ahead
	 * @param limit the configured requests per minute
	 * @param remaining whole tokens left after this request
	 * @param retryAfterSeconds when rejected, the seconds until a token is available; 0
	 * otherwise
	 */
	public record Decision(boolean allowed, int limit, int remaining, long retryAfterSeconds) {

	}

}

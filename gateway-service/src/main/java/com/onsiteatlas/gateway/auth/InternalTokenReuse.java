package com.onsiteatlas.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Hands out the {@link InternalTokenIssuer}'s tokens, reusing one caller's token for one
 * service for the first half of its lifetime instead of signing a new one per request
 * (signing was the gateway's largest CPU cost per proxied request in the profile of issue
 * 14). A reused token still has at least half its lifetime left when it is forwarded. The
 * key is the whole {@link Caller} (id, portal, role, event, name, email) and the service,
 * so a caller whose role or profile changes gets a new token at once. Bounded in size;
 * entries also leave after the reuse window.
 */
class InternalTokenReuse {

	private final InternalTokenIssuer issuer;

	private final Duration reuseFor;

	private final Clock clock;

	private final Cache<Key, Issued> tokens;

	/**
	 * Creates the reuse layer.
	 * @param issuer the issuer that signs new tokens
	 * @param ttl the lifetime of each token; tokens are reused for half of it
	 * @param maxSize the most (caller, service) pairs kept
	 * @param clock the clock
	 */
	InternalTokenReuse(InternalTokenIssuer issuer, Duration ttl, long maxSize, Clock clock) {
		this.issuer = issuer;
		this.reuseFor = ttl.dividedBy(2);
		this.clock = clock;
		this.tokens = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(this.reuseFor).build();
	}

	/**
	 * A token for an authenticated caller whose role is known, for one service.
	 * @param caller the caller
	 * @param service the service the request goes to
	 * @return the compact JWS, signed now or in the last half lifetime
	 */
	String forCaller(Caller caller, String service) {
		return token(new Key(caller, service));
	}

	/**
	 * The gateway's own token for one service (API documents).
	 * @param service the service
	 * @return the compact JWS
	 */
	String forGateway(String service) {
		return token(new Key(null, service));
	}

	private String token(Key key) {
		Instant now = this.clock.instant();
		Issued issued = this.tokens.getIfPresent(key);
		if (issued == null || !now.isBefore(issued.reuseUntil())) {
			String token = (key.caller() != null) ? this.issuer.issue(key.caller(), key.service())
					: this.issuer.issueForGateway(key.service());
			issued = new Issued(token, now.plus(this.reuseFor));
			this.tokens.put(key, issued);
		}
		return issued.token();
	}

	private record Key(Caller caller, String service) {
	}

	private record Issued(String token, Instant reuseUntil) {
	}

}

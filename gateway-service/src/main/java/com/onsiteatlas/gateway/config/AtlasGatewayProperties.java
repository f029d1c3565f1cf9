package com.onsiteatlas.gateway.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Gateway settings under {@code atlas.gateway}. Invalid values fail startup.
 *
 * @param jwt how incoming ONSITE ATLAS tokens are verified
 * @param internalToken how the internal identity token for the services is signed
 * @param legacy the legacy ONSITE ATLAS backend and the staff role lookup against it
 * @param rateLimit the per client IP rate limit on {@code /api/**}
 * @param maxRequestBytes the largest request body accepted on requests routed to our
 * services
 * @param maxLegacyRequestBytes the largest request body passed through to the legacy
 * ONSITE ATLAS backend (its own upload limit, 50 MB by default)
 * @param maxPublicRequestBytes the largest request body accepted on public routes
 * (provider callbacks, unsubscribe links), which anyone can reach without a token
 * @param trustedProxies CIDR ranges (or single addresses) of reverse proxies whose
 * {@code X-Forwarded-For} is believed (its rightmost hop that is not one of them is the
 * client IP); empty means the TCP peer address is always the client IP
 */
@ConfigurationProperties("atlas.gateway")
public record AtlasGatewayProperties(@DefaultValue Jwt jwt, @DefaultValue InternalToken internalToken,
		@DefaultValue Legacy legacy, @DefaultValue RateLimit rateLimit, @DefaultValue("11MB") DataSize maxRequestBytes,
		@DefaultValue("50MB") DataSize maxLegacyRequestBytes, @DefaultValue("256KB") DataSize maxPublicRequestBytes,
		@DefaultValue List<String> trustedProxies) {

	/**
	 * HS256 keys shorter than this are rejected for the internal token (RFC 7518 section
	 * 3.2).
	 */
	public static final int MIN_INTERNAL_SECRET_BYTES = 32;

	public AtlasGatewayProperties {
		if (maxRequestBytes.toBytes() <= 0) {
			throw new IllegalArgumentException("atlas.gateway.max-request-bytes must be positive");
		}
		if (maxLegacyRequestBytes.toBytes() <= 0) {
			throw new IllegalArgumentException("atlas.gateway.max-legacy-request-bytes must be positive");
		}
		if (maxPublicRequestBytes.toBytes() <= 0) {
			throw new IllegalArgumentException("atlas.gateway.max-public-request-bytes must be positive");
		}
		trustedProxies = List.copyOf(trustedProxies);
	}

	/**
	 * Verification of the tokens ONSITE ATLAS issues.
	 *
	 * @param secret the shared HS256 secret, ONSITE ATLAS's {@code JWT_SECRET}
	 * @param clockSkew tolerance applied to {@code exp} and {@code nbf}; ONSITE ATLAS
	 * itself uses none
	 */
	public record Jwt(String secret, @DefaultValue("0s") Duration clockSkew) {

		public Jwt {
			if (!StringUtils.hasText(secret)) {
				throw new IllegalArgumentException("atlas.gateway.jwt.secret (JWT_SECRET) must be set");
			}
			if (clockSkew.isNegative()) {
				throw new IllegalArgumentException("atlas.gateway.jwt.clock-skew must not be negative");
			}
		}

	}

	/**
	 * The internal identity token the gateway mints for the services.
	 *
	 * @param secret HS256 secret shared with the services, at least 32 bytes
	 * @param ttl lifetime of each token
	 */
	public record InternalToken(String secret, @DefaultValue("60s") Duration ttl) {

		public InternalToken {
			if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_INTERNAL_SECRET_BYTES) {
				throw new IllegalArgumentException(
						"atlas.gateway.internal-token.secret (ATLAS_INTERNAL_TOKEN_SECRET) must be at least "
								+ MIN_INTERNAL_SECRET_BYTES + " bytes");
			}
			if (ttl.isNegative() || ttl.isZero()) {
				throw new IllegalArgumentException("atlas.gateway.internal-token.ttl must be positive");
			}
		}

	}

	/**
	 * The legacy ONSITE ATLAS backend.
	 *
	 * @param baseUrl where the backend listens, for example {@code http://localhost:8090}
	 * @param currentUserPath the endpoint that returns the caller's user document for a
	 * staff token
	 * @param roleCacheTtl how long a resolved staff role is reused for the same token
	 * @param roleCacheMaxSize the most tokens whose role is cached
	 * @param roleLookupTimeout the longest a role lookup may take before the request
	 * fails with 503
	 */
	public record Legacy(String baseUrl, @DefaultValue("/api/auth/me") String currentUserPath,
			@DefaultValue("60s") Duration roleCacheTtl, @DefaultValue("10000") long roleCacheMaxSize,
			@DefaultValue("2s") Duration roleLookupTimeout) {

		public Legacy {
			if (!StringUtils.hasText(baseUrl)) {
				throw new IllegalArgumentException("atlas.gateway.legacy.base-url (LEGACY_BACKEND_URL) must be set");
			}
			if (!StringUtils.hasText(currentUserPath) || !currentUserPath.startsWith("/")) {
				throw new IllegalArgumentException("atlas.gateway.legacy.current-user-path must start with /");
			}
			if (roleCacheMaxSize < 1 || roleLookupTimeout.isNegative() || roleLookupTimeout.isZero()
					|| roleCacheTtl.isNegative()) {
				throw new IllegalArgumentException(
						"atlas.gateway.legacy role cache and timeout settings must be positive");
			}
		}

	}

	/**
	 * The in-memory rate limit. It is enforced per gateway replica.
	 *
	 * @param requestsPerMinute the sustained request rate per client IP, also the burst
	 * size
	 * @param maxTrackedClients the most client IPs tracked at once
	 */
	public record RateLimit(@DefaultValue("500") int requestsPerMinute,
			@DefaultValue("100000") long maxTrackedClients) {

		public RateLimit {
			if (requestsPerMinute < 1 || maxTrackedClients < 1) {
				throw new IllegalArgumentException("atlas.gateway.rate-limit settings must be positive");
			}
		}

	}

}

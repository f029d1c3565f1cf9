package com.onsiteatlas.gateway.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.onsiteatlas.gateway.correlation.CorrelationIdWebFilter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Resolves the role of a staff token that carries none by asking the legacy backend's
 * current-user endpoint with the caller's own {@code Authorization} header. Successful
 * answers are cached per token (by SHA-256, never the token itself); concurrent lookups
 * for one token share a single call. Fails closed: the legacy backend answering 401, 403
 * or 404 means {@link AuthenticationFailedException}; anything else that is not a usable
 * 2xx (error status, timeout, connection failure, no role in the body) means
 * {@link RoleLookupUnavailableException}.
 */
class StaffRoleResolver {

	private static final Log logger = LogFactory.getLog(StaffRoleResolver.class);

	private final WebClient webClient;

	private final URI currentUserUri;

	private final Duration timeout;

	private final AsyncCache<String, StaffProfile> cache;

	/**
	 * Creates a resolver.
	 * @param webClient a client configured with connect and response timeouts
	 * @param currentUserUri the absolute current-user URL of the legacy backend
	 * @param timeout the longest a lookup may take
	 * @param cacheTtl how long a resolved profile is reused
	 * @param cacheMaxSize the most cached tokens
	 */
	public StaffRoleResolver(WebClient webClient, URI currentUserUri, Duration timeout, Duration cacheTtl,
			long cacheMaxSize) {
		this.webClient = webClient;
		this.currentUserUri = currentUserUri;
		this.timeout = timeout;
		this.cache = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(cacheMaxSize).buildAsync();
	}

	/**
	 * The staff profile for a token, from the cache or the legacy backend.
	 * @param bearerToken the caller's (already verified) token
	 * @param correlationId forwarded to the legacy backend
	 * @return the profile, or an error as described on the class
	 */
	public Mono<StaffProfile> resolve(String bearerToken, String correlationId) {
		String key = sha256(bearerToken);
		return Mono
			.fromFuture(() -> this.cache.get(key, (ignored, executor) -> fetch(bearerToken, correlationId).toFuture()),
					true)
			.onErrorMap(CompletionException.class, (ex) -> (ex.getCause() != null) ? ex.getCause() : ex);
	}

	private Mono<StaffProfile> fetch(String bearerToken, String correlationId) {
		return this.webClient.get()
			.uri(this.currentUserUri)
			.accept(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
			.headers((headers) -> {
				if (correlationId != null) {
					headers.set(CorrelationIdWebFilter.HEADER, correlationId);
				}
			})
			.exchangeToMono(this::read)
			.timeout(this.timeout)
			.onErrorMap((ex) -> !(ex instanceof AuthenticationFailedException)
					&& !(ex instanceof RoleLookupUnavailableException), (ex) -> unavailable(ex.toString()))
			.doOnError(RoleLookupUnavailableException.class,
					(ex) -> logger.warn("Staff role lookup failed [cid=" + correlationId + "]: " + ex.getReason()));
	}

	private Mono<StaffProfile> read(ClientResponse response) {
		int status = response.statusCode().value();
		if (status == HttpStatus.UNAUTHORIZED.value() || status == HttpStatus.FORBIDDEN.value()
				|| status == HttpStatus.NOT_FOUND.value()) {
			return response.releaseBody()
				.then(Mono.error(new AuthenticationFailedException(AuthenticationFailedException.TOKEN_INVALID)));
		}
		if (!response.statusCode().is2xxSuccessful()) {
			return response.releaseBody().then(Mono.error(unavailable("legacy backend answered " + status)));
		}
		return response.bodyToMono(JsonNode.class)
			.switchIfEmpty(Mono.error(() -> unavailable("empty legacy current-user response")))
			.map(LegacyCurrentUser::parse);
	}

	private static RoleLookupUnavailableException unavailable(String reason) {
		return new RoleLookupUnavailableException(reason);
	}

	static String sha256(String value) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}

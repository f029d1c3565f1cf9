package com.onsiteatlas.reporting.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Access tokens of Google Drive and Dropbox accounts from their stored refresh tokens
 * (OAuth 2 refresh grant). A fresh token is kept in memory until shortly before its
 * {@code expires_in} (time from the injected clock) and never written back: the stored
 * refresh token and client stay as they are, sealed. A call answered 401 gets one new
 * token and is made once more.
 * <p>
 * At most {@link #MAX_ENTRIES} accounts are kept, least recently used out first, keyed by
 * SHA-256 over the token endpoint, client and refresh token (each part length-prefixed),
 * so neither a secret nor a weak hash is the key.
 */
class AccessTokens {

	static final int MAX_ENTRIES = 256;

	private final WebClient http;

	private final Clock clock;

	private final Duration margin;

	private final Duration timeout;

	private final Map<String, Token> tokens = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Token> eldest) {
			return size() > MAX_ENTRIES;
		}

	};

	AccessTokens(WebClient http, Clock clock, Duration margin, Duration timeout) {
		this.http = http;
		this.clock = clock;
		this.margin = margin;
		this.timeout = timeout;
	}

	/**
	 * Makes a call with a valid access token: the kept one, a new one, or (without a
	 * refresh token) the stored one; a 401 answer gets one new token and one more call.
	 * @param client the account and its OAuth client
	 * @param call the call, given the token
	 * @param <T> what the call answers
	 * @return the call's answer
	 */
	<T> Mono<T> withToken(OAuthClient client, Function<String, Mono<T>> call) {
		return current(client).flatMap((token) -> call.apply(token)
			.onErrorResume(AccessTokens::unauthorized,
					(ex) -> client.canRefresh() ? renewed(client, token).flatMap(call) : Mono.error(ex)));
	}

	private Mono<String> current(OAuthClient client) {
		if (!client.canRefresh()) {
			if (!OAuthClient.present(client.accessToken())) {
				return Mono.error(new IllegalArgumentException("Cloud storage config needs 'accessToken', or "
						+ "'refreshToken' with an OAuth client (the schedule's 'clientId' or the operator's)"));
			}
			return Mono.just(client.accessToken());
		}
		Token kept = kept(key(client));
		if (kept != null && this.clock.instant().isBefore(kept.usableUntil())) {
			return Mono.just(kept.value());
		}
		return refresh(client);
	}

	/**
	 * A token other than the one refused: another call may have renewed it meanwhile.
	 */
	private Mono<String> renewed(OAuthClient client, String refused) {
		Token kept = kept(key(client));
		if (kept != null && !kept.value().equals(refused) && this.clock.instant().isBefore(kept.usableUntil())) {
			return Mono.just(kept.value());
		}
		return refresh(client);
	}

	private Mono<String> refresh(OAuthClient client) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "refresh_token");
		form.add("refresh_token", client.refreshToken());
		form.add("client_id", client.clientId());
		if (OAuthClient.present(client.clientSecret())) {
			form.add("client_secret", client.clientSecret());
		}
		return this.http.post()
			.uri(client.tokenUrl())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromFormData(form))
			.retrieve()
			.bodyToMono(Map.class)
			.timeout(this.timeout)
			// A 4xx is the provider refusing the grant; 5xx and connection errors stay as
			// they are, so the upload's retry of transient failures applies.
			.onErrorMap(
					(ex) -> ex instanceof WebClientResponseException response
							&& response.getStatusCode().is4xxClientError(),
					(ex) -> new TokenRefreshFailedException(client.provider(), (WebClientResponseException) ex))
			.map((answer) -> keep(client, answer));
	}

	private String keep(OAuthClient client, Map<?, ?> answer) {
		Object value = answer.get("access_token");
		if (value == null || value.toString().isBlank()) {
			throw new IllegalStateException("The " + client.provider() + " token endpoint answered no access_token");
		}
		Instant now = this.clock.instant();
		Instant until = Instant.MAX;
		if (answer.get("expires_in") instanceof Number seconds) {
			Duration lifetime = Duration.ofSeconds(seconds.longValue());
			// A lifetime shorter than the margin is used for its first half.
			Duration usable = lifetime.compareTo(this.margin.multipliedBy(2)) > 0 ? lifetime.minus(this.margin)
					: lifetime.dividedBy(2);
			until = now.plus(usable);
		}
		Token token = new Token(value.toString(), until);
		synchronized (this.tokens) {
			this.tokens.put(key(client), token);
		}
		return token.value();
	}

	private Token kept(String key) {
		synchronized (this.tokens) {
			return this.tokens.get(key);
		}
	}

	/**
	 * How many accounts have a token kept.
	 * @return the number of entries
	 */
	int size() {
		synchronized (this.tokens) {
			return this.tokens.size();
		}
	}

	static String key(OAuthClient client) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String part : new String[] { client.provider(), client.tokenUrl(), client.clientId(),
					client.clientSecret(), client.refreshToken() }) {
				byte[] bytes = (part != null) ? part.getBytes(StandardCharsets.UTF_8) : new byte[0];
				sha.update(ByteBuffer.allocate(4).putInt((part != null) ? bytes.length : -1).array());
				sha.update(bytes);
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean unauthorized(Throwable ex) {
		return ex instanceof WebClientResponseException response && response.getStatusCode().value() == 401;
	}

	private record Token(String value, Instant usableUntil) {

		@Override
		public String toString() {
			return "Token[usableUntil=" + this.usableUntil + "]";
		}

	}

}

package com.onsiteatlas.gateway.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import com.onsiteatlas.gateway.config.AtlasGatewayProperties;
import com.onsiteatlas.gateway.errors.JsonErrorResponder;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Wires token verification, staff role lookup, the access policy and the internal token
 * issuer.
 */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

	private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(2);

	/** At most this many (caller, service) tokens are kept for reuse. */
	private static final long REUSED_TOKENS = 10_000;

	/** At most this many accepted incoming tokens are remembered. */
	private static final long VERIFIED_TOKENS = 10_000;

	/** How long an accepted incoming token is remembered at most. */
	private static final Duration VERIFIED_TOKENS_KEPT_FOR = Duration.ofMinutes(10);

	@Bean
	IncomingTokenVerifier incomingTokenVerifier(AtlasGatewayProperties properties, Clock clock) {
		return new IncomingTokenVerifier(properties.jwt().secret(), properties.jwt().clockSkew(), clock);
	}

	@Bean
	VerifiedTokenCache verifiedTokenCache(IncomingTokenVerifier verifier) {
		return new VerifiedTokenCache(verifier, VERIFIED_TOKENS, VERIFIED_TOKENS_KEPT_FOR);
	}

	@Bean
	InternalTokenIssuer internalTokenIssuer(AtlasGatewayProperties properties, Clock clock) {
		return new InternalTokenIssuer(properties.internalToken().secret(), properties.internalToken().ttl(), clock);
	}

	@Bean
	InternalTokenReuse internalTokenReuse(InternalTokenIssuer issuer, AtlasGatewayProperties properties, Clock clock) {
		return new InternalTokenReuse(issuer, properties.internalToken().ttl(), REUSED_TOKENS, clock);
	}

	@Bean
	ServiceAccessPolicy serviceAccessPolicy() {
		return new ServiceAccessPolicy();
	}

	@Bean
	StaffRoleResolver staffRoleResolver(AtlasGatewayProperties properties, WebClient.Builder webClientBuilder) {
		AtlasGatewayProperties.Legacy legacy = properties.legacy();
		Duration timeout = legacy.roleLookupTimeout();
		Duration connectTimeout = (timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0) ? timeout : MAX_CONNECT_TIMEOUT;
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
			.responseTimeout(timeout);
		WebClient webClient = webClientBuilder.clone()
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			// The gateway's own client metrics own http.client.requests with other tags;
			// keep lookups apart.
			.observationConvention(new DefaultClientRequestObservationConvention("atlas.gateway.role.lookup"))
			.build();
		URI currentUser = UriComponentsBuilder.fromUriString(legacy.baseUrl())
			.path(legacy.currentUserPath())
			.build()
			.toUri();
		return new StaffRoleResolver(webClient, currentUser, timeout, legacy.roleCacheTtl(), legacy.roleCacheMaxSize());
	}

	@Bean
	ServiceAuthenticationFilter serviceAuthenticationFilter(VerifiedTokenCache verifier,
			StaffRoleResolver staffRoleResolver, ServiceAccessPolicy policy, InternalTokenReuse tokens,
			JsonErrorResponder responder) {
		return new ServiceAuthenticationFilter(verifier, staffRoleResolver, policy, tokens, responder);
	}

}

package com.onsiteatlas.support.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

import com.onsiteatlas.identity.InternalIdentityToken;
import com.onsiteatlas.support.correlation.CorrelationId;
import com.onsiteatlas.support.web.ApiError;

/**
 * Every request needs a valid gateway identity token except health, info and the
 * service's declared public paths. The OpenAPI document is for the gateway's own identity
 * only (Swagger UI at the gateway), which reaches nothing else; the Prometheus metrics
 * need the scraper's account (HTTP Basic). Failures are JSON: 401 when the identity is
 * missing or invalid, 403 when the role does not allow the action (checked with
 * {@code @PreAuthorize} on controller methods).
 */
@AutoConfiguration
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
@EnableConfigurationProperties(ServiceSecurityProperties.class)
public class ServiceSecurityConfiguration {

	private static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health/**", "/actuator/health",
			"/actuator/info");

	private static final String[] API_DOCS = { "/v3/api-docs", "/v3/api-docs/**" };

	private static final String METRICS = "/actuator/prometheus";

	private static final String GATEWAY_AUTHORITY = "TYPE_" + InternalIdentityToken.GATEWAY;

	private static final String NO_IDENTITY = "Not authorized: a valid gateway identity is required";

	@Bean
	@ConditionalOnMissingBean
	ReactiveJwtDecoder internalIdentityTokenDecoder(ServiceSecurityProperties properties) {
		String secret = properties.internalTokenSecret();
		if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
			throw new IllegalStateException(
					"atlas.security.internal-token-secret (ATLAS_INTERNAL_TOKEN_SECRET) must be at least 32 bytes");
		}
		String ownName = properties.audience();
		if (ownName == null || ownName.isBlank()) {
			throw new IllegalStateException(
					"atlas.security.audience (spring.application.name) must name this service: identity tokens are "
							+ "accepted only when they are meant for it");
		}
		SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key)
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		OAuth2TokenValidator<Jwt> audience = (jwt) -> (jwt.getAudience() != null && jwt.getAudience().contains(ownName))
				? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult
					.failure(new OAuth2Error("invalid_token", "Token is not meant for this service", null));
		OAuth2TokenValidator<Jwt> subject = (jwt) -> (jwt.getSubject() != null && !jwt.getSubject().isBlank())
				? OAuth2TokenValidatorResult.success()
				: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Token has no subject", null));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(InternalIdentityToken.ISSUER), audience, subject));
		return decoder;
	}

	/**
	 * Spring Security's firewall refuses paths with encoded slashes, periods and the like
	 * ({@code /hotels/%2E%2E%2Fetc}) with an empty 400; this gives that refusal the JSON
	 * shape every other error has.
	 */
	@Bean
	@ConditionalOnMissingBean
	ServerExchangeRejectedHandler jsonExchangeRejectedHandler(ObjectMapper objectMapper) {
		return (exchange, ex) -> writeError(exchange, objectMapper, HttpStatus.BAD_REQUEST,
				"The request was rejected: its path contains characters that are not allowed");
	}

	/**
	 * The metrics endpoint, for the scraper's account only.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain metricsSecurityFilterChain(ServerHttpSecurity http, ServiceSecurityProperties properties,
			ObjectMapper objectMapper) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(METRICS))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.httpBasic((basic) -> basic
				.authenticationManager(
						new MetricsScraperAccount(properties.metricsUser(), properties.metricsPassword()))
				.authenticationEntryPoint((exchange, ex) -> writeError(exchange, objectMapper, HttpStatus.UNAUTHORIZED,
						"Not authorized: the metrics need the scraper's account")))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean(name = "serviceSecurityFilterChain")
	SecurityWebFilterChain serviceSecurityFilterChain(ServerHttpSecurity http, ServiceSecurityProperties properties,
			ReactiveJwtDecoder decoder, ObjectMapper objectMapper,
			ObjectProvider<RegistrantRegistrations> registrantRegistrations) {
		RegistrantRegistrations registrations = registrantRegistrations.getIfAvailable();
		RegistrantScope scope = (registrations != null) ? new RegistrantScope(registrations) : null;
		List<String> publicPaths = new ArrayList<>(ALWAYS_PUBLIC);
		publicPaths.addAll(properties.publicPaths());
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(publicPaths.toArray(String[]::new))
				.permitAll()
				.pathMatchers(API_DOCS)
				.hasAuthority(GATEWAY_AUTHORITY)
				.anyExchange()
				.access((authentication, context) -> authentication
					.map((auth) -> new AuthorizationDecision(auth.isAuthenticated() && auth.getAuthorities()
						.stream()
						.noneMatch((authority) -> GATEWAY_AUTHORITY.equals(authority.getAuthority()))))
					.defaultIfEmpty(new AuthorizationDecision(false))))
			.oauth2ResourceServer((oauth) -> oauth.jwt((jwt) -> jwt.jwtDecoder(decoder)
				.jwtAuthenticationConverter((token) -> (scope != null) ? scope.scope(AtlasAuthentication.from(token))
						: Mono.just(AtlasAuthentication.from(token))))
				.authenticationEntryPoint(
						(exchange, ex) -> writeError(exchange, objectMapper, HttpStatus.UNAUTHORIZED, NO_IDENTITY))
				.accessDeniedHandler((exchange, ex) -> writeError(exchange, objectMapper, HttpStatus.FORBIDDEN,
						"You are not allowed to perform this action")))
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint(
						(exchange, ex) -> writeError(exchange, objectMapper, HttpStatus.UNAUTHORIZED, NO_IDENTITY))
				.accessDeniedHandler((exchange, ex) -> writeError(exchange, objectMapper, HttpStatus.FORBIDDEN,
						"You are not allowed to perform this action")))
			.build();
	}

	static Mono<Void> writeError(ServerWebExchange exchange, ObjectMapper objectMapper, HttpStatus status,
			String message) {
		var response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		ApiError error = new ApiError(false, message, status.value(), status.getReasonPhrase(), List.of(),
				CorrelationId.of(exchange));
		byte[] body;
		try {
			body = objectMapper.writeValueAsBytes(error);
		}
		catch (Exception ex) {
			body = "{\"success\":false}".getBytes(StandardCharsets.UTF_8);
		}
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}

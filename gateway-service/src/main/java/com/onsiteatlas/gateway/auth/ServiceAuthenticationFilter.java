package com.onsiteatlas.gateway.auth;

import java.net.URI;

import com.nimbusds.jwt.JWTClaimsSet;
import com.onsiteatlas.gateway.correlation.CorrelationIdWebFilter;
import com.onsiteatlas.gateway.errors.ClientFacingException;
import com.onsiteatlas.gateway.errors.JsonErrorResponder;
import com.onsiteatlas.gateway.routing.RouteKinds;
import com.onsiteatlas.identity.InternalIdentityToken;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Authenticates requests on service routes, that is routes whose URI has the {@code lb}
 * scheme. Routes to other URIs (the legacy backend) are passed through untouched.
 * <p>
 * On every service route the caller's {@code Authorization} and {@code Cookie} headers
 * are removed, so the caller's own ONSITE ATLAS token never reaches a service. A route
 * whose metadata has {@value RouteKinds#PUBLIC_METADATA}{@code : true} (provider
 * webhooks, unsubscribe links, API docs) is then forwarded without identity, or with the
 * gateway's own identity when it also has
 * {@value RouteKinds#GATEWAY_IDENTITY_METADATA}{@code : true} (API docs). Every other
 * service route requires {@code Authorization: Bearer <ONSITE ATLAS token>}: the token is
 * verified (once per token, {@link VerifiedTokenCache}; its expiry on every request), a
 * staff role missing from the token is resolved through the legacy backend, the
 * {@link ServiceAccessPolicy} is applied for the route's service (the URI host), and an
 * {@link InternalIdentityToken} is sent instead (reused per caller and service for half
 * its lifetime, {@link InternalTokenReuse}). Failures are answered with 401, 403 or 503
 * JSON and the request never reaches the service.
 * <p>
 * It is a global filter ordered before the gateway caches request bodies for circuit
 * breaker fallbacks, so unauthenticated uploads are refused before they are buffered.
 */
class ServiceAuthenticationFilter implements GlobalFilter, Ordered {

	/**
	 * The order: after rate limit and size limit, before body caching (HIGHEST_PRECEDENCE
	 * + 1000).
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 300;

	private final VerifiedTokenCache verifier;

	private final StaffRoleResolver staffRoleResolver;

	private final ServiceAccessPolicy policy;

	private final InternalTokenReuse tokens;

	private final JsonErrorResponder responder;

	public ServiceAuthenticationFilter(VerifiedTokenCache verifier, StaffRoleResolver staffRoleResolver,
			ServiceAccessPolicy policy, InternalTokenReuse tokens, JsonErrorResponder responder) {
		this.verifier = verifier;
		this.staffRoleResolver = staffRoleResolver;
		this.policy = policy;
		this.tokens = tokens;
		this.responder = responder;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (!RouteKinds.isService(route)) {
			return chain.filter(exchange);
		}
		URI uri = route.getUri();
		if (RouteKinds.isPublic(route)) {
			String gatewayToken = RouteKinds.sendsGatewayIdentity(route) ? this.tokens.forGateway(uri.getHost()) : null;
			return chain.filter(withAuthorization(exchange, gatewayToken));
		}
		String callerToken = bearerToken(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
		if (callerToken == null) {
			return this.responder.respond(exchange, HttpStatus.UNAUTHORIZED, AuthenticationFailedException.NO_TOKEN);
		}
		String service = uri.getHost();
		String correlationId = exchange.getAttribute(CorrelationIdWebFilter.ATTRIBUTE);
		return authenticate(callerToken, correlationId).map((caller) -> authorize(caller, service))
			.onErrorResume(ClientFacingException.class,
					(ex) -> Mono.just(Outcome.refused(ex.getStatusCode().value(), ex.getMessage())))
			.flatMap((outcome) -> (outcome.internalToken() != null)
					? chain.filter(withAuthorization(exchange, outcome.internalToken()))
					: this.responder.respond(exchange, HttpStatus.valueOf(outcome.status()), outcome.message()));
	}

	private Mono<Caller> authenticate(String token, String correlationId) {
		Caller caller;
		try {
			JWTClaimsSet claims = this.verifier.verify(token);
			caller = Caller.fromClaims(claims);
		}
		catch (AuthenticationFailedException ex) {
			return Mono.error(ex);
		}
		if (!caller.needsRoleLookup()) {
			return Mono.just(caller);
		}
		return this.staffRoleResolver.resolve(token, correlationId).map((profile) -> {
			if (!profile.active()) {
				throw new AuthenticationFailedException(AuthenticationFailedException.ACCOUNT_INACTIVE);
			}
			return caller.withStaffProfile(profile);
		});
	}

	private Outcome authorize(Caller caller, String service) {
		boolean unknownStaffRole = caller.type() == CallerType.STAFF && !Caller.STAFF_ROLES.contains(caller.role());
		if (unknownStaffRole || !this.policy.allows(service, caller.role())) {
			return Outcome.refused(HttpStatus.FORBIDDEN.value(), ServiceAccessPolicy.deniedMessage(caller.role()));
		}
		return Outcome.allowed(this.tokens.forCaller(caller, service));
	}

	private static ServerWebExchange withAuthorization(ServerWebExchange exchange, String internalToken) {
		ServerHttpRequest request = exchange.getRequest().mutate().headers((headers) -> {
			headers.remove(HttpHeaders.AUTHORIZATION);
			headers.remove(HttpHeaders.COOKIE);
			if (internalToken != null) {
				headers.setBearerAuth(internalToken);
			}
		}).build();
		return exchange.mutate().request(request).build();
	}

	/**
	 * The token of an {@code Authorization: Bearer} header, as ONSITE ATLAS's
	 * {@code protect} middleware reads it. The literal strings {@code null} and
	 * {@code undefined}, which the ONSITE ATLAS client sends when it has no token, count
	 * as no token.
	 * @param header the header value
	 * @return the token, or {@code null}
	 */
	static String bearerToken(String header) {
		if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String token = header.substring(7).trim();
		if (token.isEmpty() || token.equals("null") || token.equals("undefined")) {
			return null;
		}
		return token;
	}

	private record Outcome(String internalToken, int status, String message) {

		static Outcome allowed(String internalToken) {
			return new Outcome(internalToken, 200, null);
		}

		static Outcome refused(int status, String message) {
			return new Outcome(null, status, message);
		}

	}

}

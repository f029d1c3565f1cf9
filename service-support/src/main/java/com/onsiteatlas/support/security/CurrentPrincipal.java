package com.onsiteatlas.support.security;

import reactor.core.publisher.Mono;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;

/**
 * The principal of the current request, for services that are not handed it by a
 * controller.
 */
public final class CurrentPrincipal {

	private CurrentPrincipal() {
	}

	public static Mono<AtlasPrincipal> get() {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull((context) -> context.getAuthentication())
			.filter(AtlasAuthentication.class::isInstance)
			.map((authentication) -> ((AtlasAuthentication) authentication).getPrincipal());
	}

}

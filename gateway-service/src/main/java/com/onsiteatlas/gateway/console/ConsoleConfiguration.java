package com.onsiteatlas.gateway.console;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The console's routes. Router functions are matched before the gateway's own routes, and
 * {@code /console/**} and {@code /} are outside every gateway route's {@code /api}
 * predicate, so the API behaves exactly as without the console.
 *
 * <pre>
 * GET /, /console        302 to /console/
 * GET /console/assets/*  a hashed asset, cached for a year (immutable), gzip when accepted
 * GET /console/x.ext     another file of the build (no-cache), 404 when absent
 * GET /console/**        index.html (no-cache): the app's client-side routes
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

	@Bean
	ConsoleResources consoleResources() {
		return new ConsoleResources(ConsoleResources.CLASSPATH_ROOT);
	}

	@Bean
	RouterFunction<ServerResponse> consoleRoutes(ConsoleResources console) {
		return RouterFunctions.route()
			.GET("/", (request) -> toConsole())
			.GET("/console", (request) -> toConsole())
			.route(RequestPredicates.method(org.springframework.http.HttpMethod.GET)
				.or(RequestPredicates.method(org.springframework.http.HttpMethod.HEAD))
				.and(RequestPredicates.path("/console/**")), console::serve)
			.build();
	}

	private static reactor.core.publisher.Mono<ServerResponse> toConsole() {
		return ServerResponse.status(HttpStatus.FOUND).location(URI.create("/console/")).build();
	}

}

package com.onsiteatlas.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.HttpHeaders;

/**
 * A reactor-netty HTTP server standing in for a service or the legacy backend. It records
 * every request and answers with whatever its responder returns. Connections are closed
 * after each response, so stopping the server really makes it unreachable (no pooled
 * connection survives).
 */
final class StubServer {

	private final String name;

	private final Function<RecordedRequest, StubResponse> responder;

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private volatile DisposableServer server;

	private volatile int port;

	private StubServer(String name, Function<RecordedRequest, StubResponse> responder) {
		this.name = name;
		this.responder = responder;
	}

	static StubServer start(String name, Function<RecordedRequest, StubResponse> responder) {
		StubServer stub = new StubServer(name, responder);
		stub.bind(0);
		return stub;
	}

	String name() {
		return this.name;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Stops accepting connections; requests to it now fail to connect. */
	void stop() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

	/** Starts again on the same port. */
	void restart() {
		bind(this.port);
	}

	/**
	 * Requests whose path and query satisfy the predicate.
	 * @param uriPredicate the test
	 * @return the matching requests in arrival order
	 */
	List<RecordedRequest> requests(Predicate<String> uriPredicate) {
		return this.requests.stream().filter((request) -> uriPredicate.test(request.uri())).toList();
	}

	/**
	 * Requests whose path and query contain the marker.
	 * @param marker a unique part of the URI
	 * @return the matching requests
	 */
	List<RecordedRequest> requestsContaining(String marker) {
		return requests((uri) -> uri.contains(marker));
	}

	/**
	 * The single request whose URI contains the marker.
	 * @param marker a unique part of the URI
	 * @return the request
	 */
	RecordedRequest onlyRequestContaining(String marker) {
		List<RecordedRequest> matching = requestsContaining(marker);
		if (matching.size() != 1) {
			throw new AssertionError(this.name + " received " + matching.size() + " requests containing '" + marker
					+ "', expected 1: " + matching);
		}
		return matching.get(0);
	}

	private void bind(int port) {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.handle((request, response) -> request.receive()
				.aggregate()
				.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.flatMap((body) -> {
					HttpHeaders headers = new HttpHeaders();
					request.requestHeaders().forEach((entry) -> headers.add(entry.getKey(), entry.getValue()));
					RecordedRequest recorded = new RecordedRequest(request.method().name(), request.uri(), headers,
							body);
					this.requests.add(recorded);
					StubResponse answer = this.responder.apply(recorded);
					Mono<Void> send = Mono.defer(() -> {
						response.keepAlive(false).status(HttpResponseStatus.valueOf(answer.status()));
						answer.headers().forEach((name, values) -> response.header(name, String.join(",", values)));
						return response.sendString(Mono.just(answer.body())).then();
					});
					return answer.delay().isZero() ? send : Mono.delay(answer.delay()).then(send);
				}))
			.bindNow();
		this.port = this.server.port();
	}

	/**
	 * A request as the stub saw it.
	 *
	 * @param method the method
	 * @param uri path and query
	 * @param headers the headers
	 * @param body the body as text
	 */
	record RecordedRequest(String method, String uri, HttpHeaders headers, String body) {

		String bearerToken() {
			String authorization = this.headers.getFirst(HttpHeaders.AUTHORIZATION);
			return (authorization != null && authorization.startsWith("Bearer ")) ? authorization.substring(7) : null;
		}

	}

	/**
	 * What the stub answers.
	 *
	 * @param status the status
	 * @param headers extra headers
	 * @param body the body
	 * @param delay how long to wait before answering
	 */
	record StubResponse(int status, HttpHeaders headers, String body, Duration delay) {

		static StubResponse json(int status, String body) {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
			return new StubResponse(status, headers, body, Duration.ZERO);
		}

		StubResponse withHeader(String name, String value) {
			HttpHeaders copy = new HttpHeaders();
			copy.addAll(this.headers);
			copy.add(name, value);
			return new StubResponse(this.status, copy, this.body, this.delay);
		}

		StubResponse delayedBy(Duration delay) {
			return new StubResponse(this.status, this.headers, this.body, delay);
		}

	}

}

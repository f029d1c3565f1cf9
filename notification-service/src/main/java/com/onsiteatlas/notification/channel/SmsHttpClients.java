package com.onsiteatlas.notification.channel;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The HTTP client every HTTP SMS provider calls its API with: one timeout for connecting
 * and for the answer.
 */
final class SmsHttpClients {

	private SmsHttpClients() {
	}

	/**
	 * A Reactor Netty client with the timeout, to add to (a checked resolver, say).
	 * @param timeout the connect and response timeout
	 * @return the client
	 */
	static HttpClient timed(Duration timeout) {
		return HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
			.responseTimeout(timeout);
	}

	/**
	 * A web client over the given HTTP client.
	 * @param builder the application's builder (cloned, not changed)
	 * @param http the HTTP client
	 * @return the web client
	 */
	static WebClient web(WebClient.Builder builder, HttpClient http) {
		return builder.clone().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

	/**
	 * Whether a credential field is missing.
	 * @param value the field
	 * @return true when null or blank
	 */
	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}

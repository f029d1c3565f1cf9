package com.onsiteatlas.gateway.errors;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class JsonErrorWebExceptionHandlerTests {

	@Test
	void keepsClientFacingErrorsAsTheyAreEvenWhenWrapped() {
		ClientFacingException tooLarge = new ClientFacingException(HttpStatus.PAYLOAD_TOO_LARGE, "too large");
		assertThat(JsonErrorWebExceptionHandler.describe(new IllegalStateException("wrapped", tooLarge)))
			.isEqualTo(new JsonErrorWebExceptionHandler.Failure(HttpStatus.PAYLOAD_TOO_LARGE, "too large"));
	}

	@Test
	void mapsUpstreamFailuresTo503And504() {
		assertThat(JsonErrorWebExceptionHandler.describe(new ConnectException("refused")).status())
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(JsonErrorWebExceptionHandler.describe(new RuntimeException(new TimeoutException())).status())
			.isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
		assertThat(JsonErrorWebExceptionHandler.describe(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT))
			.message()).isEqualTo(JsonErrorWebExceptionHandler.TIMED_OUT);
		assertThat(JsonErrorWebExceptionHandler.describe(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
				"Unable to find instance for notification-service")))
			.isEqualTo(new JsonErrorWebExceptionHandler.Failure(HttpStatus.SERVICE_UNAVAILABLE,
					JsonErrorWebExceptionHandler.UNAVAILABLE));
	}

	@Test
	void neverEchoesInternalDetails() {
		assertThat(JsonErrorWebExceptionHandler
			.describe(new ResponseStatusException(HttpStatus.NOT_FOUND, "No static resource /secret/path.")))
			.isEqualTo(new JsonErrorWebExceptionHandler.Failure(HttpStatus.NOT_FOUND, "Not Found"));
		assertThat(JsonErrorWebExceptionHandler.describe(new NullPointerException("field x of y"))).isEqualTo(
				new JsonErrorWebExceptionHandler.Failure(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error"));
	}

}

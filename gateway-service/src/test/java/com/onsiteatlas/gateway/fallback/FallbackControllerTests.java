package com.onsiteatlas.gateway.fallback;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class FallbackControllerTests {

	@Test
	void recognisesTimeLimiterAndResponseTimeouts() {
		assertThat(FallbackController.isTimeout(new TimeoutException("TimeLimiter"))).isTrue();
		assertThat(FallbackController.isTimeout(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT))).isTrue();
	}

	@Test
	void treatsOtherFailuresAsUnavailable() {
		assertThat(FallbackController.isTimeout(new ConnectException("refused"))).isFalse();
		assertThat(FallbackController
			.isTimeout(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x"))))
			.isFalse();
		assertThat(FallbackController.isTimeout(null)).isFalse();
	}

}

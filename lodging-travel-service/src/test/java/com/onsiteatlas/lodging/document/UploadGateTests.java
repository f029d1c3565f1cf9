package com.onsiteatlas.lodging.document;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadGateTests {

	private final UploadGate gate = new UploadGate(new DocumentProperties(DataSize.ofMegabytes(10), "key",
			new DocumentProperties.PerRecord(20, DataSize.ofMegabytes(50)),
			new DocumentProperties.PerRegistration(40, DataSize.ofMegabytes(100)),
			new DocumentProperties.Uploads(2, 3, Duration.ofSeconds(7))));

	@Test
	void refusesACallerPastItsBoundWithRetryAfterAndAdmitsItAgainOnceOneEnds() {
		UploadGate.Permit first = this.gate.admit("alice").block();
		this.gate.admit("alice").block();
		assertThatThrownBy(() -> this.gate.admit("alice").block()).isInstanceOfSatisfying(UploadsBusyException.class,
				(ex) -> {
					assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
					assertThat(ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
					assertThat(ex.getReason()).contains("2 uploads in progress");
				});
		first.release().block();
		first.release().block();
		assertThat(this.gate.inFlight()).isEqualTo(1);
		assertThat(this.gate.admit("alice").block()).isNotNull();
		assertThatThrownBy(() -> this.gate.admit("alice").block()).isInstanceOf(UploadsBusyException.class);
	}

	@Test
	void refusesEveryonePastTheInstanceBound() {
		this.gate.admit("alice").block();
		this.gate.admit("bob").block();
		UploadGate.Permit carol = this.gate.admit("carol").block();
		assertThatThrownBy(() -> this.gate.admit("dave").block()).isInstanceOfSatisfying(UploadsBusyException.class,
				(ex) -> assertThat(ex.getReason()).contains("Too many uploads"));
		carol.release().block();
		assertThat(this.gate.admit("dave").block()).isNotNull();
		assertThat(this.gate.inFlight()).isEqualTo(3);
	}

}

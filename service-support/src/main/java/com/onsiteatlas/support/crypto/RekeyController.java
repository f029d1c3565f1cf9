package com.onsiteatlas.support.crypto;

import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.security.AdminOnly;
import com.onsiteatlas.support.web.ApiResponse;

/**
 * {@code POST /api/crypto/rekey/{purpose}}: the operator's re-encryption after a key
 * rotation, in every service that contributes a {@link Rekeying} (admin only; the gateway
 * does not route it, {@code bin/atlas rekey} calls each service's port). Left out of the
 * API document, which the gateway publishes as its own: the gateway does not serve it.
 */
@Hidden
@RestController
public class RekeyController {

	private final Rekeyings rekeyings;

	/**
	 * The controller of a service's rekeyings.
	 * @param rekeyings what the service re-encrypts
	 */
	public RekeyController(Rekeyings rekeyings) {
		this.rekeyings = rekeyings;
	}

	@PostMapping("/api/crypto/rekey/{purpose}")
	@AdminOnly
	Mono<ApiResponse<RekeyReport>> rekey(@PathVariable String purpose) {
		return this.rekeyings.rekey(purpose).map((report) -> ApiResponse.ok("Re-encrypted " + purpose, report));
	}

}

package com.onsiteatlas.notification.settings;

import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.RekeyReport;
import com.onsiteatlas.support.security.AdminOnly;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ApiResponse;

/**
 * {@code POST /api/crypto/rekey/{purpose}}: the operator's re-encryption after a key
 * rotation (admin only; the gateway does not route it, {@code bin/atlas rekey} calls the
 * service's port). Left out of the API document, which the gateway publishes as its own:
 * the gateway does not serve it.
 */
@Hidden
@RestController
class RekeyController {

	private final SecretsRekey rekey;

	RekeyController(SecretsRekey rekey) {
		this.rekey = rekey;
	}

	@PostMapping("/api/crypto/rekey/{purpose}")
	@AdminOnly
	Mono<ApiResponse<RekeyReport>> rekey(@PathVariable String purpose) {
		KeyPurpose parsed;
		try {
			parsed = KeyPurpose.of(purpose);
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(ApiException.badRequest(ex.getMessage()));
		}
		return this.rekey.rekey(parsed).map((report) -> ApiResponse.ok("Re-encrypted " + purpose, report));
	}

}

package com.onsiteatlas.reporting.schedule;

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
 * {@code POST /api/crypto/rekey/provider-secrets}: the operator's re-encryption of the
 * schedules' cloud-storage secrets after a key rotation (admin only; the gateway does not
 * route it, {@code bin/atlas rekey} calls the service's port). Export files are not
 * re-encrypted: they expire after {@code ATLAS_REPORTING_FILE_RETENTION}, after which the
 * old export-files key can be removed. Left out of the API document, which the gateway
 * publishes as its own: the gateway does not serve it.
 */
@Hidden
@RestController
class RekeyController {

	private final ScheduleSecretsRekey secrets;

	RekeyController(ScheduleSecretsRekey secrets) {
		this.secrets = secrets;
	}

	@PostMapping("/api/crypto/rekey/{purpose}")
	@AdminOnly
	Mono<ApiResponse<RekeyReport>> rekey(@PathVariable String purpose) {
		if (!KeyPurpose.PROVIDER_SECRETS.label().equals(purpose)) {
			return Mono.error(ApiException.badRequest("reporting-service re-encrypts provider-secrets only (export"
					+ " files expire after their retention; remove an old export-files key after it)"));
		}
		return this.secrets.rekey().map((report) -> ApiResponse.ok("Re-encrypted " + purpose, report));
	}

}

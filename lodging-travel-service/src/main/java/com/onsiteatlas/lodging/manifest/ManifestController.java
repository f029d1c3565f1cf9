package com.onsiteatlas.lodging.manifest;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiResponse;

/**
 * The transfer manifest as JSON for staff (reporting-service exports it).
 */
@RestController
class ManifestController {

	private final TransferManifests manifests;

	ManifestController(TransferManifests manifests) {
		this.manifests = manifests;
	}

	@GetMapping("/api/events/{eventId}/transfer-manifest")
	@StaffOnly
	Mono<ApiResponse<TransferManifest>> manifest(@PathVariable String eventId, ManifestQuery query) {
		return this.manifests.build(eventId, query).map((manifest) -> ApiResponse.ok("Transfer manifest", manifest));
	}

}

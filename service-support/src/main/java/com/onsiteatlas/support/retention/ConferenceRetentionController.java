package com.onsiteatlas.support.retention;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.security.AdminOnly;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ApiResponse;

/**
 * The operator's view of a deleted conference in this service and its restore, under
 * {@code /api/events/{eventId}/retention/<service name>} (the gateway routes each
 * service's name to it; {@code bin/atlas restore-conference} calls all three).
 */
@RestController
@AdminOnly
public class ConferenceRetentionController {

	private final DeletedConferences deleted;

	public ConferenceRetentionController(DeletedConferences deleted) {
		this.deleted = deleted;
	}

	@GetMapping("/api/events/{eventId}/retention/${spring.application.name}")
	Mono<ApiResponse<DeletedConference>> tombstone(@PathVariable String eventId) {
		return this.deleted.find(eventId)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Conference " + eventId + " is not deleted")))
			.map(ApiResponse::ok);
	}

	@PostMapping("/api/events/{eventId}/retention/${spring.application.name}/restore")
	Mono<ApiResponse<DeletedConference>> restore(@PathVariable String eventId) {
		return this.deleted.restore(eventId)
			.map((lifted) -> ApiResponse.ok("Conference " + eventId + " restored", lifted));
	}

}

package com.onsiteatlas.notification.delivery;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiResponse;

/**
 * {@code GET notifications/progress}: the live progress of bulk sends (see
 * {@link SendProgress}).
 */
@RestController
@RequestMapping("/api/events/{eventId}/notifications/progress")
class SendProgressController {

	private final SendProgress progress;

	SendProgressController(SendProgress progress) {
		this.progress = progress;
	}

	/**
	 * One batch ({@code ?batch=}), or every batch of the event that still has pending
	 * notifications (newest first).
	 * @param eventId the conference
	 * @param batch the batch id from {@code send} or {@code manual-trigger}
	 * @return progress
	 */
	@GetMapping
	@StaffOnly
	Mono<ApiResponse<List<SendProgress.Progress>>> progress(@PathVariable String eventId,
			@RequestParam(required = false) String batch) {
		return this.progress.find(eventId, SendProgress.batch(batch)).map(ApiResponse::ok);
	}

}

package com.onsiteatlas.notification.delivery;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.security.OrganisersOnly;
import com.onsiteatlas.support.web.ApiResponse;

/**
 * {@code POST notification-templates/{id}/test}: a test send of a template (see
 * {@link TemplateTestSends}).
 */
@RestController
class TemplateTestController {

	private final TemplateTestSends testSends;

	TemplateTestController(TemplateTestSends testSends) {
		this.testSends = testSends;
	}

	@PostMapping("/api/events/{eventId}/notification-templates/{id}/test")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@OrganisersOnly
	Mono<ApiResponse<Map<String, Object>>> test(@PathVariable String eventId, @PathVariable String id,
			@Valid @RequestBody(required = false) TestRequest request) {
		TestRequest body = (request != null) ? request : new TestRequest(null, null, null);
		return this.testSends.send(eventId, id, body.email(), body.phone(), body.data())
			.map((sent) -> ApiResponse.ok("Test message queued to " + sent.recipient(), Map.<String, Object>of("queued",
					sent.queued(), "recipient", sent.recipient(), "batchId", sent.batchId())));
	}

	/**
	 * Body of a test send.
	 *
	 * @param email test e-mail address
	 * @param phone test phone
	 * @param data template variables over the samples
	 */
	record TestRequest(@Email @Size(max = 320) String email, @Size(max = 32) String phone, Map<String, Object> data) {
	}

}

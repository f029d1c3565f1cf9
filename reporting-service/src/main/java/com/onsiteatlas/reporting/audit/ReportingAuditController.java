package com.onsiteatlas.reporting.audit;

import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.audit.AuditFilter;
import com.onsiteatlas.support.audit.AuditTrailResponses;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.security.AdminOnly;
import com.onsiteatlas.support.web.Paging;

/**
 * The reporting audit trail of a conference, for admins: a page of JSON, or CSV with
 * {@code format=csv}.
 */
@RestController
class ReportingAuditController {

	private final AuditTrailResponses trail;

	ReportingAuditController(AuditTrailResponses trail) {
		this.trail = trail;
	}

	@GetMapping("/api/events/{eventId}/reporting-audit")
	@AdminOnly
	Mono<ResponseEntity<?>> trail(@PathVariable String eventId,
			@Paging(sortable = { "at", "action" }, defaultSort = "at:desc") PageQuery page,
			@RequestParam(required = false) String action, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String format) {
		AuditFilter filter = AuditFilter.parse(ReportingAuditAction.class, action, from, to);
		return this.trail.trail(eventId, filter, page, format, "reporting-audit-" + eventId);
	}

}

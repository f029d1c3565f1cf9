package com.onsiteatlas.lodging.travel;

import java.util.List;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.onsiteatlas.lodging.audit.Actor;
import com.onsiteatlas.lodging.audit.AuditEntry;
import com.onsiteatlas.lodging.audit.AuditTrail;
import com.onsiteatlas.lodging.document.Downloads;
import com.onsiteatlas.lodging.document.IncomingUpload;
import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.lodging.registrant.Viewer;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.security.OrganisersOnly;
import com.onsiteatlas.support.security.StaffOrRegistrant;
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.Paging;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * The spec's travel info routes plus document download and the document audit log. Staff
 * work on every record (delete needs admin or manager); a registrant creates, reads and
 * updates its own travel info and uploads, downloads and deletes its own documents.
 */
@RestController
@RequestMapping("/api/events/{eventId}/travel-info")
class TravelController {

	private final TravelQueries queries;

	private final TravelService travel;

	private final TravelDocuments documents;

	private final TravelWarnings warnings;

	private final Registrants registrants;

	private final AuditTrail audit;

	TravelController(TravelQueries queries, TravelService travel, TravelDocuments documents, TravelWarnings warnings,
			Registrants registrants, AuditTrail audit) {
		this.queries = queries;
		this.travel = travel;
		this.documents = documents;
		this.warnings = warnings;
		this.registrants = registrants;
		this.audit = audit;
	}

	@GetMapping
	@StaffOrRegistrant
	Mono<ApiResponse<List<TravelInfoResponse>>> list(@PathVariable String eventId,
			@AuthenticationPrincipal AtlasPrincipal principal,
			@Paging(sortable = { "createdAt", "updatedAt", "arrivalDate=arrival.date", "departureDate=departure.date",
					"status", "registrationId", "lastName=traveller.lastName" },
					defaultSort = "createdAt:desc") PageQuery page,
			TravelListQuery query) {
		return this.queries.list(eventId, viewer(principal, eventId), page, query.filter())
			.flatMap(this.warnings::of)
			.map((paged) -> ApiResponse.page("Travel info retrieved", paged));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@StaffOrRegistrant
	Mono<ApiResponse<TravelInfoResponse>> create(@PathVariable String eventId,
			@Valid @RequestBody TravelRequest request, @AuthenticationPrincipal AtlasPrincipal principal) {
		return this.travel.create(eventId, viewer(principal, eventId), request)
			.flatMap(this.warnings::of)
			.map((travel) -> ApiResponse.ok("Travel info created", travel));
	}

	@GetMapping("/registration/{registrationId}")
	@StaffOrRegistrant
	Mono<ApiResponse<TravelInfoResponse>> byRegistration(@PathVariable String eventId,
			@PathVariable String registrationId, @AuthenticationPrincipal AtlasPrincipal principal) {
		return this.queries.byRegistration(eventId, viewer(principal, eventId), registrationId)
			.flatMap(this.warnings::of)
			.map(ApiResponse::ok);
	}

	@GetMapping("/document-audit")
	@OrganisersOnly
	Mono<ApiResponse<List<AuditEntry>>> auditLog(@PathVariable String eventId,
			@Paging(sortable = { "at", "action" }, defaultSort = "at:desc") PageQuery page,
			@RequestParam(required = false) String resourceId) {
		String resource = (resourceId != null && !resourceId.isBlank()) ? ObjectIds.require(resourceId, "resourceId")
				: null;
		return this.audit.list(eventId, resource, page).map((paged) -> ApiResponse.page("Document audit log", paged));
	}

	@GetMapping("/{id}")
	@StaffOrRegistrant
	Mono<ApiResponse<TravelInfoResponse>> get(@PathVariable String eventId, @PathVariable String id,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.queries.get(eventId, id, viewer(principal, eventId))
			.flatMap(this.warnings::of)
			.map(ApiResponse::ok);
	}

	@PutMapping("/{id}")
	@StaffOrRegistrant
	Mono<ApiResponse<TravelInfoResponse>> update(@PathVariable String eventId, @PathVariable String id,
			@Valid @RequestBody TravelRequest request, @AuthenticationPrincipal AtlasPrincipal principal) {
		return this.travel.update(eventId, id, viewer(principal, eventId), request)
			.flatMap(this.warnings::of)
			.map((travel) -> ApiResponse.ok("Travel info updated", travel));
	}

	@DeleteMapping("/{id}")
	@OrganisersOnly
	Mono<ApiResponse<TravelInfo>> delete(@PathVariable String eventId, @PathVariable String id,
			@AuthenticationPrincipal AtlasPrincipal principal, ServerWebExchange exchange) {
		Actor actor = Actor.of(principal, exchange.getRequest());
		return this.travel.delete(eventId, id, viewer(principal, eventId), actor)
			.map((removed) -> ApiResponse.ok("Travel info deleted", removed));
	}

	@PostMapping("/{id}/upload-document")
	@StaffOrRegistrant
	Mono<ApiResponse<TravelInfo.TravelDocument>> upload(@PathVariable String eventId, @PathVariable String id,
			@AuthenticationPrincipal AtlasPrincipal principal, ServerWebExchange exchange) {
		Viewer viewer = viewer(principal, eventId);
		Actor actor = Actor.of(principal, exchange.getRequest());
		return this.documents.upload(eventId, id, viewer, IncomingUpload.of(exchange), actor)
			.map((document) -> ApiResponse.ok("Document uploaded", document));
	}

	@GetMapping("/{id}/documents/{documentId}/download")
	@StaffOrRegistrant
	Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String eventId, @PathVariable String id,
			@PathVariable String documentId, @AuthenticationPrincipal AtlasPrincipal principal,
			ServerWebExchange exchange) {
		Viewer viewer = viewer(principal, eventId);
		return this.documents.open(eventId, id, documentId, viewer, Actor.of(principal, exchange.getRequest()))
			.map(Downloads::response);
	}

	@DeleteMapping("/{id}/documents/{documentId}")
	@StaffOrRegistrant
	Mono<ApiResponse<TravelInfo>> deleteDocument(@PathVariable String eventId, @PathVariable String id,
			@PathVariable String documentId, @AuthenticationPrincipal AtlasPrincipal principal,
			ServerWebExchange exchange) {
		Viewer viewer = viewer(principal, eventId);
		Actor actor = Actor.of(principal, exchange.getRequest());
		return this.documents.remove(eventId, id, documentId, viewer, actor)
			.map((saved) -> ApiResponse.ok("Document deleted", saved));
	}

	private Viewer viewer(AtlasPrincipal principal, String eventId) {
		return this.registrants.viewer(principal, eventId);
	}

}

package com.onsiteatlas.lodging.travel;

import java.util.List;

import jakarta.validation.Valid;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
import com.onsiteatlas.lodging.document.DocumentOwner;
import com.onsiteatlas.lodging.document.DocumentStore;
import com.onsiteatlas.lodging.document.Downloads;
import com.onsiteatlas.lodging.document.UploadForm;
import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.lodging.registrant.Viewer;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * The spec's travel info routes plus document download and the document audit log. Staff
 * work on every record (delete needs admin or manager); a registrant creates, reads and
 * updates its own travel info and uploads, downloads and deletes its own documents.
 */
@RestController
@RequestMapping("/api/events/{eventId}/travel-info")
class TravelController {

	static final String RESOURCE = "travel-document";

	private final TravelService travel;

	private final Registrants registrants;

	private final DocumentStore documents;

	private final AuditTrail audit;

	TravelController(TravelService travel, Registrants registrants, DocumentStore documents, AuditTrail audit) {
		this.travel = travel;
		this.registrants = registrants;
		this.documents = documents;
		this.audit = audit;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ApiResponse<List<TravelInfoResponse>>> list(@PathVariable String eventId,
			@AuthenticationPrincipal AtlasPrincipal principal, @RequestParam(required = false) String page,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String sortBy,
			@RequestParam(required = false) String status, @RequestParam(required = false) String airport,
			@RequestParam(required = false) String transferRequired, @RequestParam(required = false) String arrivalFrom,
			@RequestParam(required = false) String arrivalTo, @RequestParam(required = false) String search,
			@RequestParam(required = false) String registration) {
		PageQuery query = PageQuery.parse(page, limit, sortBy, TravelService.SORTABLE,
				Sort.by(Sort.Order.desc("createdAt")));
		TravelService.TravelFilter filter = new TravelService.TravelFilter(blank(status), blank(airport),
				bool(transferRequired, "transferRequired"), arrivalFrom, arrivalTo, blank(search), blank(registration));
		return this.travel.list(eventId, viewer(principal, eventId), query, filter)
			.flatMap((paged) -> this.travel.withWarnings(paged.items())
				.map((items) -> new com.onsiteatlas.support.paging.Paged<>(items, paged.total(), paged.query())))
			.map((paged) -> paged.toResponse("Travel info retrieved"));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ApiResponse<TravelInfoResponse>> create(@PathVariable String eventId,
			@Valid @RequestBody TravelRequest request, @AuthenticationPrincipal AtlasPrincipal principal) {
		return this.travel.create(eventId, viewer(principal, eventId), request)
			.flatMap(this.travel::withWarnings)
			.map((travel) -> ApiResponse.ok("Travel info created", travel));
	}

	@GetMapping("/registration/{registrationId}")
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ApiResponse<TravelInfoResponse>> byRegistration(@PathVariable String eventId,
			@PathVariable String registrationId, @AuthenticationPrincipal AtlasPrincipal principal) {
		return this.travel.byRegistration(eventId, viewer(principal, eventId), registrationId)
			.flatMap(this.travel::withWarnings)
			.map(ApiResponse::ok);
	}

	@GetMapping("/document-audit")
	@PreAuthorize("hasAnyRole('admin','manager')")
	Mono<ApiResponse<List<AuditEntry>>> auditLog(@PathVariable String eventId,
			@RequestParam(required = false) String page, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String sortBy, @RequestParam(required = false) String resourceId) {
		PageQuery query = PageQuery.parse(page, limit, sortBy, AuditTrail.sortable(), AuditTrail.defaultSort());
		String resource = (resourceId != null && !resourceId.isBlank()) ? ObjectIds.require(resourceId, "resourceId")
				: null;
		return this.audit.list(eventId, resource, query).map((paged) -> paged.toResponse("Document audit log"));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ApiResponse<TravelInfoResponse>> get(@PathVariable String eventId, @PathVariable String id,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.travel.get(eventId, id, viewer(principal, eventId))
			.flatMap(this.travel::withWarnings)
			.map(ApiResponse::ok);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ApiResponse<TravelInfoResponse>> update(@PathVariable String eventId, @PathVariable String id,
			@Valid @RequestBody TravelRequest request, @AuthenticationPrincipal AtlasPrincipal principal) {
		return this.travel.update(eventId, id, viewer(principal, eventId), request)
			.flatMap(this.travel::withWarnings)
			.map((travel) -> ApiResponse.ok("Travel info updated", travel));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAnyRole('admin','manager')")
	Mono<ApiResponse<TravelInfo>> delete(@PathVariable String eventId, @PathVariable String id,
			@AuthenticationPrincipal AtlasPrincipal principal, ServerWebExchange exchange) {
		Actor actor = Actor.of(principal, exchange.getRequest());
		return this.travel.delete(eventId, id, viewer(principal, eventId))
			.flatMap((removed) -> Flux.fromIterable((removed.documents() != null) ? removed.documents() : List.of())
				.concatMap((document) -> this.documents.delete(owner(removed), document.storedFileId(),
						document.fileName(), actor))
				.then(Mono.just(ApiResponse.ok("Travel info deleted", removed))));
	}

	@PostMapping("/{id}/upload-document")
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ApiResponse<TravelInfo.TravelDocument>> upload(@PathVariable String eventId, @PathVariable String id,
			@AuthenticationPrincipal AtlasPrincipal principal, ServerWebExchange exchange) {
		Viewer viewer = viewer(principal, eventId);
		Actor actor = Actor.of(principal, exchange.getRequest());
		return this.travel.get(eventId, id, viewer).flatMap((old) -> UploadForm.read(exchange).flatMap((form) -> {
			String type = form.field("type");
			if (type == null || !TravelService.DOCUMENT_TYPES.contains(type)) {
				return Mono
					.error(ApiException.badRequest("'type' must be one of flight-ticket, visa, passport, other"));
			}
			String name = form.field("name");
			String description = form.field("description");
			if ((name != null && name.length() > 200) || (description != null && description.length() > 2000)) {
				return Mono.error(ApiException.badRequest("'name' or 'description' is too long"));
			}
			boolean encrypt = TravelService.ENCRYPTED_TYPES.contains(type);
			return this.documents.store(owner(old), form.file(), encrypt, actor).flatMap((stored) -> {
				String documentId = new ObjectId().toHexString();
				TravelInfo.TravelDocument document = new TravelInfo.TravelDocument(documentId, type,
						(name != null) ? name : stored.fileName(), description, stored.fileName(),
						"/api/events/" + eventId + "/travel-info/" + old.id() + "/documents/" + documentId
								+ "/download",
						stored.contentType(), stored.size(), stored.encrypted(), TravelService.now(), viewer.userId(),
						stored.fileId());
				return this.travel.addDocument(old, document, viewer.userId())
					.onErrorResume((ex) -> this.documents.delete(owner(old), stored.fileId(), stored.fileName(), actor)
						.then(Mono.error(ex)))
					.thenReturn(ApiResponse.ok("Document uploaded", document));
			});
		}));
	}

	@GetMapping("/{id}/documents/{documentId}/download")
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String eventId, @PathVariable String id,
			@PathVariable String documentId, @AuthenticationPrincipal AtlasPrincipal principal,
			ServerWebExchange exchange) {
		return this.travel.get(eventId, id, viewer(principal, eventId))
			.flatMap((travel) -> document(travel, documentId).flatMap((document) -> this.documents.open(owner(travel),
					document.storedFileId(), Actor.of(principal, exchange.getRequest()))))
			.map(Downloads::response);
	}

	@DeleteMapping("/{id}/documents/{documentId}")
	@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
	Mono<ApiResponse<TravelInfo>> deleteDocument(@PathVariable String eventId, @PathVariable String id,
			@PathVariable String documentId, @AuthenticationPrincipal AtlasPrincipal principal,
			ServerWebExchange exchange) {
		Viewer viewer = viewer(principal, eventId);
		Actor actor = Actor.of(principal, exchange.getRequest());
		return this.travel.get(eventId, id, viewer)
			.flatMap((old) -> document(old, documentId)
				.flatMap((document) -> this.travel.removeDocument(old, document, viewer.userId())
					.flatMap((saved) -> this.documents
						.delete(owner(old), document.storedFileId(), document.fileName(), actor)
						.thenReturn(ApiResponse.ok("Document deleted", saved)))));
	}

	private static Mono<TravelInfo.TravelDocument> document(TravelInfo travel, String documentId) {
		ObjectIds.require(documentId, "document id");
		return Mono
			.justOrEmpty((travel.documents() != null) ? travel.documents()
				.stream()
				.filter((document) -> document.id().equalsIgnoreCase(documentId))
				.findFirst() : java.util.Optional.<TravelInfo.TravelDocument>empty())
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Document not found")));
	}

	private Viewer viewer(AtlasPrincipal principal, String eventId) {
		return this.registrants.viewer(principal, eventId);
	}

	private static DocumentOwner owner(TravelInfo travel) {
		return new DocumentOwner(travel.event(), RESOURCE, travel.id(), travel.registration());
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static Boolean bool(String value, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!value.equals("true") && !value.equals("false")) {
			throw ApiException.badRequest("'" + name + "' must be true or false");
		}
		return Boolean.valueOf(value);
	}

}

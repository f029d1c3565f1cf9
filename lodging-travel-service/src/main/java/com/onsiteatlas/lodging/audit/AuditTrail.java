package com.onsiteatlas.lodging.audit;

import java.time.Clock;

import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * Writes and reads the document audit log. It is kept when an event is deleted: it holds
 * no document content, only who touched what.
 */
@Service
public class AuditTrail {

	private final AuditEntryRepository entries;

	private final Clock clock;

	AuditTrail(AuditEntryRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	/**
	 * Records an access.
	 * @param eventId the conference
	 * @param action upload, download or delete
	 * @param resourceType travel-document or booking-confirmation
	 * @param resourceId the owning record
	 * @param documentId the stored file
	 * @param fileName the file name
	 * @param actor who
	 * @return completes when written
	 */
	public Mono<Void> record(String eventId, String action, String resourceType, String resourceId, String documentId,
			String fileName, Actor actor) {
		return this.entries
			.insert(new AuditEntry(new ObjectId().toHexString(), eventId, action, resourceType, resourceId, documentId,
					fileName, actor, this.clock.instant()))
			.then();
	}

	/**
	 * The log of an event, newest first.
	 * @param eventId the conference
	 * @param resourceId only this record, may be null
	 * @param page paging
	 * @return one page
	 */
	public Mono<Paged<AuditEntry>> list(String eventId, String resourceId, PageQuery page) {
		return this.entries.page(eventId, resourceId, page);
	}

}

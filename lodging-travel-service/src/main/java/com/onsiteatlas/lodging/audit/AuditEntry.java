package com.onsiteatlas.lodging.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One access to a stored document.
 *
 * @param id the entry id
 * @param event the conference
 * @param action upload, download or delete
 * @param resourceType travel-document or booking-confirmation
 * @param resourceId the travel info or booking id
 * @param documentId the stored file id
 * @param fileName the file name
 * @param actor who
 * @param at when
 */
@Document(AuditEntry.COLLECTION)
@CompoundIndex(name = "event_at", def = "{'event': 1, 'at': -1}")
public record AuditEntry(@Id @JsonProperty("_id") String id, String event, String action, String resourceType,
		String resourceId, String documentId, String fileName, Actor actor, Instant at) {

	static final String COLLECTION = "document_audit";

}

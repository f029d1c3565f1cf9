package com.onsiteatlas.support.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One audited operation. It never holds a secret value: {@code fields} names what
 * changed, the summary says what happened in words.
 *
 * @param id the entry id
 * @param event the conference
 * @param at when, from the service's clock
 * @param actor who
 * @param action the service's wire value, e.g. {@code channel-settings.updated}
 * @param resourceType what kind of thing, e.g. {@code template}
 * @param resourceId which one, may be null
 * @param summary what happened, e.g. {@code 120 recipients}
 * @param fields the fields that changed (paths such as
 * {@code sms.providers.twilio.authToken}), empty when none apply
 */
@Document(AuditEntry.COLLECTION)
@CompoundIndex(name = "event_at", def = "{'event': 1, 'at': -1}")
public record AuditEntry(@Id @JsonProperty("_id") String id, String event, Instant at, AuditActor actor, String action,
		String resourceType, String resourceId, String summary, List<String> fields) {

	/** Each service's own collection, in its own database. */
	public static final String COLLECTION = "audit_trail";

	public AuditEntry {
		fields = (fields != null) ? List.copyOf(fields) : List.of();
	}

}

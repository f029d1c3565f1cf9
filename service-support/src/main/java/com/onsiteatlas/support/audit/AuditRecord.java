package com.onsiteatlas.support.audit;

import java.util.List;

import com.onsiteatlas.support.wirevalue.WireValue;

/**
 * What a feature tells the {@link AuditLog} about one operation.
 *
 * @param eventId the conference
 * @param action what happened
 * @param resourceType what kind of thing
 * @param resourceId which one, may be null
 * @param summary in words, never a secret value; may be null
 * @param fields the changed fields, by path; may be empty
 */
public record AuditRecord(String eventId, WireValue action, String resourceType, String resourceId, String summary,
		List<String> fields) {

	public AuditRecord {
		fields = (fields != null) ? List.copyOf(fields) : List.of();
	}

	/**
	 * An operation on one resource without field changes.
	 * @param eventId the conference
	 * @param action what happened
	 * @param resourceType what kind of thing
	 * @param resourceId which one
	 * @param summary in words
	 * @return the record
	 */
	public static AuditRecord of(String eventId, WireValue action, String resourceType, String resourceId,
			String summary) {
		return new AuditRecord(eventId, action, resourceType, resourceId, summary, List.of());
	}

}

package com.onsiteatlas.reporting.readmodel;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * The read-model writes Spring Data cannot derive: upserts of a snapshot guarded by its
 * time, and facts that accumulate whatever the order of the events.
 */
interface ReportRowRepositoryCustom {

	/**
	 * Sets the given values unless a newer snapshot was applied already. The guarded
	 * upsert of an outdated snapshot matches nothing and its insert collides on
	 * {@code _id}; that collision is the "ignore" case.
	 * @param id the row id
	 * @param rowType the row type
	 * @param eventId the conference
	 * @param values the values, by field
	 * @param at the time of the snapshot
	 * @return completion
	 */
	Mono<Void> upsertIfNotOlder(String id, String rowType, String eventId, Map<String, Object> values, Instant at);

	/**
	 * The same guarded upserts as {@link #upsertIfNotOlder} for many rows, as one
	 * unordered bulk write (an outdated snapshot's collision is ignored, the others
	 * apply).
	 * @param rows at most one per row id
	 * @return completion
	 */
	Mono<Void> upsertAllIfNotOlder(Collection<SnapshotRow> rows);

	/**
	 * Sets values of a row whatever the order of the events, creating it if needed.
	 * @param id the row id
	 * @param values the values, by field
	 * @return completion
	 */
	Mono<Void> setValues(String id, Map<String, Object> values);

	/**
	 * Adds a value to a list field of a row unless it is there, creating the row if
	 * needed.
	 * @param id the row id
	 * @param field the list field
	 * @param value the value
	 * @return completion
	 */
	Mono<Void> addToValues(String id, String field, Object value);

	/**
	 * One row's guarded upsert.
	 *
	 * @param id the row id
	 * @param rowType the row type
	 * @param eventId the conference
	 * @param values the values, by field
	 * @param at the time of the snapshot
	 * @param firstSeenAt the time to record if the row is created
	 */
	record SnapshotRow(String id, String rowType, String eventId, Map<String, Object> values, Instant at,
			Instant firstSeenAt) {

	}

}

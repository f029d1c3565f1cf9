package com.onsiteatlas.reporting.readmodel;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The writes of the read model: a snapshot's values set unless a newer snapshot was
 * applied already, and facts that accumulate set whatever the order.
 */
@Component
class RowUpserts {

	private final ReportRowRepository rows;

	RowUpserts(ReportRowRepository rows) {
		this.rows = rows;
	}

	/**
	 * Sets the given values unless a newer snapshot was applied already. The guarded
	 * upsert of an outdated snapshot matches nothing and its insert collides on
	 * {@code _id}; that collision is the "ignore" case.
	 * @param id the row id ({@link #rowId})
	 * @param rowType the row type
	 * @param eventId the conference
	 * @param values the values
	 * @param at the time of the snapshot
	 * @return completion
	 */
	Mono<Void> upsert(String id, String rowType, String eventId, RowValues values, Instant at) {
		return this.rows.upsertIfNotOlder(id, rowType, eventId, values.asMap(), at);
	}

	/**
	 * The same newer-only upserts as {@link #upsert} for many rows, as one unordered bulk
	 * write.
	 * @param rows at most one per row id
	 * @return completion
	 */
	Mono<Void> upsertAll(Collection<ReportRowRepositoryCustom.SnapshotRow> rows) {
		return this.rows.upsertAllIfNotOlder(rows);
	}

	/**
	 * Sets values of a row whatever the order of the events (a fact that accumulates).
	 * @param id the row id
	 * @param values the values, by field
	 * @return completion
	 */
	Mono<Void> set(String id, Map<String, Object> values) {
		return this.rows.setValues(id, values);
	}

	/**
	 * Adds a value to a list field of a row whatever the order of the events.
	 * @param id the row id
	 * @param field the list field
	 * @param value the value
	 * @return completion
	 */
	Mono<Void> addToSet(String id, String field, Object value) {
		return this.rows.addToValues(id, field, value);
	}

	static String rowId(String rowType, String key) {
		return rowType + ":" + key;
	}

}

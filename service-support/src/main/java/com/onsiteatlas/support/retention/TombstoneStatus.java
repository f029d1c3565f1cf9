package com.onsiteatlas.support.retention;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a deleted conference is in its retention.
 */
public enum TombstoneStatus {

	/** Hidden and inert; its data is still stored and can be restored. */
	DELETED,

	/** Its data was removed; it cannot be restored. */
	PURGED;

	/**
	 * Whether a tombstone in this state may move to the given one.
	 * @param next the next state
	 * @return true for deleted to purged only
	 */
	public boolean canBecome(TombstoneStatus next) {
		return this == DELETED && next == PURGED;
	}

	/**
	 * The wire value.
	 * @return the lower-case name
	 */
	@JsonValue
	public String wireValue() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}

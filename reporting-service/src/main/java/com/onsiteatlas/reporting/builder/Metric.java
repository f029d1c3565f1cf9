package com.onsiteatlas.reporting.builder;

/**
 * An aggregate over a group.
 *
 * @param type count, sum, avg, min or max
 * @param field a numeric or date catalog field (not needed for count)
 */
public record Metric(String type, String field) {

	/**
	 * The key of the metric in result rows: {@code count}, or {@code sum_amountCents}.
	 * @return the key
	 */
	public String key() {
		return "count".equals(this.type) ? "count" : this.type + "_" + this.field;
	}

}

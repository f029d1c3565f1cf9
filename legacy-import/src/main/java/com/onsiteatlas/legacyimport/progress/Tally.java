package com.onsiteatlas.legacyimport.progress;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a run did: documents read, events published per type, facts skipped and values
 * read leniently, each per reason.
 */
public final class Tally {

	private long documents;

	private final Map<String, Long> published = new TreeMap<>();

	private final Map<String, Long> skipped = new TreeMap<>();

	private final Map<String, Long> notes = new TreeMap<>();

	public void document() {
		this.documents++;
	}

	public void published(String type) {
		this.published.merge(type, 1L, Long::sum);
	}

	public void skipped(String reason) {
		this.skipped.merge(reason, 1L, Long::sum);
	}

	public void note(String note) {
		this.notes.merge(note, 1L, Long::sum);
	}

	public long documents() {
		return this.documents;
	}

	/**
	 * Events published (or, in a dry run, that would be) per type.
	 * @return type to count
	 */
	public Map<String, Long> published() {
		return Map.copyOf(this.published);
	}

	public long publishedTotal() {
		return this.published.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Facts not published, per reason.
	 * @return reason to count
	 */
	public Map<String, Long> skipped() {
		return Map.copyOf(this.skipped);
	}

	/**
	 * Values read leniently (a legacy spelling, a missing optional value), per note.
	 * @return note to count
	 */
	public Map<String, Long> notes() {
		return Map.copyOf(this.notes);
	}

	/**
	 * The summary printed at the end of a run.
	 * @return lines of text
	 */
	public String summary() {
		StringBuilder text = new StringBuilder()
			.append(String.format("%,d documents read, %,d events%n", this.documents, publishedTotal()));
		this.published.forEach((type, count) -> text.append(String.format("  %-26s %,9d%n", type, count)));
		if (!this.skipped.isEmpty()) {
			text.append("Skipped (not published):").append(System.lineSeparator());
			this.skipped.forEach((reason, count) -> text.append(String.format("  %,9d  %s%n", count, reason)));
		}
		if (!this.notes.isEmpty()) {
			text.append("Read leniently (published):").append(System.lineSeparator());
			this.notes.forEach((note, count) -> text.append(String.format("  %,9d  %s%n", count, note)));
		}
		return text.toString();
	}

}

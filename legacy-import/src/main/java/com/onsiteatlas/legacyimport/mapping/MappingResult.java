package com.onsiteatlas.legacyimport.mapping;

import java.util.ArrayList;
import java.util.List;

import com.onsiteatlas.domainevents.EventEnvelope;

/**
 * What one legacy document became: the envelopes to publish, the facts that could not be
 * mapped (each with its reason) and the values that were read leniently (notes).
 */
public final class MappingResult {

	private final List<EventEnvelope<?>> envelopes = new ArrayList<>();

	private final List<String> skipped = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	void add(EventEnvelope<?> envelope) {
		this.envelopes.add(envelope);
	}

	void skip(String reason) {
		this.skipped.add(reason);
	}

	void note(String note) {
		this.notes.add(note);
	}

	public List<EventEnvelope<?>> envelopes() {
		return this.envelopes;
	}

	public List<String> skipped() {
		return this.skipped;
	}

	public List<String> notes() {
		return this.notes;
	}

}

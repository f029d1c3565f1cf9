package com.onsiteatlas.lodging.document;

import java.util.HashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Bounds the uploads in flight in this instance, per caller and in all: each one holds a
 * temporary file of up to the size limit and a GridFS write. A caller past a bound is
 * refused at once with a 429 (never queued), before its body is read.
 */
@Component
class UploadGate {

	private final DocumentProperties.Uploads limits;

	private final Map<String, Integer> perCaller = new HashMap<>();

	private int inFlight;

	UploadGate(DocumentProperties properties) {
		this.limits = properties.uploads();
	}

	/**
	 * Takes a place for one upload.
	 * @param caller the user or registrant id
	 * @return the place, to release when the upload ends; a 429 when none is free
	 */
	Mono<Permit> admit(String caller) {
		return Mono.fromCallable(() -> {
			String key = (caller != null) ? caller : "";
			synchronized (this) {
				if (this.inFlight >= this.limits.perInstance()) {
					throw new UploadsBusyException("Too many uploads are in progress, please retry shortly",
							this.limits.retryAfter());
				}
				int own = this.perCaller.getOrDefault(key, 0);
				if (own >= this.limits.perCaller()) {
					throw new UploadsBusyException(
							"You already have " + own
									+ " uploads in progress, the limit at once; retry when one has finished",
							this.limits.retryAfter());
				}
				this.perCaller.put(key, own + 1);
				this.inFlight++;
			}
			return new Permit(key);
		});
	}

	private synchronized void release(String key) {
		this.inFlight--;
		int own = this.perCaller.getOrDefault(key, 1) - 1;
		if (own <= 0) {
			this.perCaller.remove(key);
		}
		else {
			this.perCaller.put(key, own);
		}
	}

	/** Uploads in flight now, for tests and diagnostics. */
	synchronized int inFlight() {
		return this.inFlight;
	}

	/** A place taken; released once, however often it is asked to. */
	final class Permit {

		private final String key;

		private boolean released;

		private Permit(String key) {
			this.key = key;
		}

		Mono<Void> release() {
			return Mono.fromRunnable(() -> {
				synchronized (UploadGate.this) {
					if (this.released) {
						return;
					}
					this.released = true;
				}
				UploadGate.this.release(this.key);
			});
		}

	}

}

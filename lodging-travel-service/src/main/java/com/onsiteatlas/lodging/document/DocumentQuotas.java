package com.onsiteatlas.lodging.document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.onsiteatlas.support.web.ApiException;

/**
 * The quotas of stored documents per record and per registration (issue 15, item 4).
 * <p>
 * What a record holds is counted from GridFS itself (files and stored bytes), so deletes
 * and removed events need no bookkeeping. Uploads in flight are held here, in this
 * instance, from before their body is read until their file is in GridFS or has failed:
 * each upload counts the uploads held before it, then the stored files. An upload that
 * finishes in between is counted twice (never not at all), so in one instance the quota
 * is never exceeded; across instances it can be exceeded by the uploads in flight in the
 * other instances.
 */
@Component
class DocumentQuotas {

	private final StoredFileRepository files;

	private final DocumentProperties.Quota perRecord;

	private final DocumentProperties.Quota perRegistration;

	private final Map<String, Usage> held = new HashMap<>();

	DocumentQuotas(StoredFileRepository files, DocumentProperties properties) {
		this.files = files;
		this.perRecord = properties.perRecord();
		this.perRegistration = properties.perRegistration();
	}

	/**
	 * Reserves room for one more file of at most the given size.
	 * @param owner the record the file is for
	 * @param bytes the most it can take
	 * @return the reservation, to release once the file is stored or has failed; a 409
	 * past a count quota, a 413 past a byte quota
	 */
	Mono<Reservation> reserve(DocumentOwner owner, long bytes) {
		return Mono.defer(() -> {
			Reservation reservation = hold(keys(owner), bytes);
			Mono<Usage> registration = (owner.registration() != null)
					? this.files.usageOfRegistration(owner.eventId(), owner.registration()) : Mono.just(Usage.NONE);
			return this.files.usageOfRecord(owner.eventId(), owner.resourceType(), owner.resourceId())
				.zipWith(registration)
				.flatMap((stored) -> {
					check(this.perRecord, stored.getT1().plus(reservation.before.get(0)), bytes,
							"This " + noun(owner) + " already holds", "the limit per record");
					if (owner.registration() != null) {
						check(this.perRegistration, stored.getT2().plus(reservation.before.get(1)), bytes,
								"This registration's records already hold", "the limit per registration");
					}
					return Mono.just(reservation);
				})
				.doOnError((ex) -> reservation.release())
				.doOnCancel(reservation::release);
		});
	}

	private static void check(DocumentProperties.Quota quota, Usage used, long bytes, String subject, String limit) {
		if (used.files() + 1 > quota.maxFiles()) {
			throw new ApiException(HttpStatus.CONFLICT, subject + " " + used.files() + " file(s); " + quota.maxFiles()
					+ " files is " + limit + ". Delete a document to upload another.");
		}
		long max = quota.maxBytes().toBytes();
		if (used.bytes() + bytes > max) {
			throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE,
					subject + " " + Sizes.human(used.bytes()) + "; with this file it would pass " + Sizes.human(max)
							+ ", " + limit + ". Delete a document or send a smaller file.");
		}
	}

	private static String noun(DocumentOwner owner) {
		return "booking-confirmation".equals(owner.resourceType()) ? "booking" : "travel record";
	}

	private static List<String> keys(DocumentOwner owner) {
		String record = "record:" + owner.resourceType() + ":" + owner.resourceId();
		String registration = "registration:" + owner.eventId() + ":" + owner.registration();
		return List.of(record, registration);
	}

	private synchronized Reservation hold(List<String> keys, long bytes) {
		Usage own = new Usage(1, bytes);
		List<Usage> before = keys.stream().map((key) -> this.held.getOrDefault(key, Usage.NONE)).toList();
		keys.forEach((key) -> this.held.merge(key, own, Usage::plus));
		return new Reservation(keys, own, before);
	}

	private synchronized void unhold(List<String> keys, Usage own) {
		for (String key : keys) {
			Usage left = this.held.getOrDefault(key, Usage.NONE).minus(own);
			if (left.files() <= 0) {
				this.held.remove(key);
			}
			else {
				this.held.put(key, left);
			}
		}
	}

	/** Uploads held now for a record, for tests and diagnostics. */
	synchronized Usage heldFor(DocumentOwner owner) {
		return this.held.getOrDefault(keys(owner).get(0), Usage.NONE);
	}

	/**
	 * Files and stored bytes.
	 *
	 * @param files how many files
	 * @param bytes how many bytes
	 */
	record Usage(long files, long bytes) {

		static final Usage NONE = new Usage(0, 0);

		Usage plus(Usage other) {
			return new Usage(this.files + other.files, this.bytes + other.bytes);
		}

		Usage minus(Usage other) {
			return new Usage(this.files - other.files, this.bytes - other.bytes);
		}

	}

	/** Room held for one upload; released once, however often it is asked to. */
	final class Reservation {

		private final List<String> keys;

		private final Usage own;

		private final List<Usage> before;

		private boolean released;

		private Reservation(List<String> keys, Usage own, List<Usage> before) {
			this.keys = keys;
			this.own = own;
			this.before = before;
		}

		void release() {
			synchronized (DocumentQuotas.this) {
				if (this.released) {
					return;
				}
				this.released = true;
				unhold(this.keys, this.own);
			}
		}

	}

}

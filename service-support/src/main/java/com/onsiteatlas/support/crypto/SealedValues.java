package com.onsiteatlas.support.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Re-encrypts the sealed strings ({@link AesGcmCipher}) of a collection under the current
 * key: every string field of every document, at any depth, that is sealed and not under
 * the current key. Each value is replaced by its own update, guarded by the value read,
 * so a run can stop anywhere and be run again (values already under the current key are
 * counted and left alone), and a value changed meanwhile by a user is not overwritten.
 */
public final class SealedValues {

	private static final Logger logger = LoggerFactory.getLogger(SealedValues.class);

	private final ReactiveMongoTemplate mongo;

	private final AesGcmCipher cipher;

	private final KeyPurpose purpose;

	private final String currentKeyId;

	/**
	 * A re-sealer of one purpose's values.
	 * @param mongo the database
	 * @param keyring the purpose's keyring
	 * @param purpose the purpose, for the report
	 */
	public SealedValues(ReactiveMongoTemplate mongo, Keyring keyring, KeyPurpose purpose) {
		this.mongo = mongo;
		this.cipher = new AesGcmCipher(keyring);
		this.purpose = purpose;
		this.currentKeyId = keyring.currentId();
	}

	/**
	 * Re-encrypts a collection's sealed values.
	 * @param collection the collection
	 * @return what was done
	 */
	public Mono<RekeyReport> rekey(String collection) {
		return this.mongo.getCollection(collection)
			.flatMapMany((documents) -> Flux.from(documents.find()))
			.concatMap((document) -> Flux.fromIterable(sealedPaths(document, ""))
				.concatMap((found) -> rekey(collection, document.get("_id"), found)))
			.reduce(RekeyReport.empty(this.purpose, this.currentKeyId), RekeyReport::plus)
			.doOnNext((report) -> logger.info("Rekey of {} in {}: {}", this.purpose.label(), collection, report));
	}

	private Mono<RekeyReport> rekey(String collection, Object id, Found found) {
		RekeyReport none = RekeyReport.empty(this.purpose, this.currentKeyId);
		if (!this.cipher.needsReseal(found.value())) {
			return Mono.just(none.oneAlreadyCurrent());
		}
		String resealed;
		try {
			resealed = this.cipher.reseal(found.value());
		}
		catch (IllegalStateException ex) {
			logger.warn("Rekey of {}: {}.{} of {} does not decrypt: {}", this.purpose.label(), collection, found.path(),
					id, ex.getMessage());
			return Mono.just(none.oneFailed());
		}
		// The driver's collection, not the template: the id as stored, never converted.
		return this.mongo.getCollection(collection)
			.flatMap((documents) -> Mono
				.from(documents.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq(found.path(), found.value())),
						Updates.set(found.path(), resealed))))
			.map((result) -> (result.getModifiedCount() == 1) ? none.oneRekeyed() : none.oneFailed());
	}

	private static List<Found> sealedPaths(Object value, String path) {
		List<Found> found = new ArrayList<>();
		if (value instanceof String text && AesGcmCipher.isSealed(text)) {
			found.add(new Found(path, text));
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((key, child) -> found
				.addAll(sealedPaths(child, path.isEmpty() ? String.valueOf(key) : path + "." + key)));
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				found.addAll(sealedPaths(list.get(i), path + "." + i));
			}
		}
		return found;
	}

	private record Found(String path, String value) {
	}

}

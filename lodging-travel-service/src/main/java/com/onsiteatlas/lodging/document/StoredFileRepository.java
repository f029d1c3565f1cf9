package com.onsiteatlas.lodging.document;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsResource;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Repository;

import com.onsiteatlas.support.crypto.GridFsRekeyCopies;

/**
 * The stored bytes of uploaded documents in this service's GridFS ({@code fs.files},
 * {@code fs.chunks}). GridFS has no Spring Data repository, so this class is the one that
 * holds the GridFS template and its queries.
 */
@Repository
class StoredFileRepository {

	private static final String FILES = "fs.files";

	private final ReactiveGridFsTemplate gridFs;

	private final ReactiveMongoTemplate mongo;

	private final GridFsRekeyCopies rekeyCopies;

	StoredFileRepository(ReactiveGridFsTemplate gridFs, ReactiveMongoTemplate mongo) {
		this.gridFs = gridFs;
		this.mongo = mongo;
		this.rekeyCopies = new GridFsRekeyCopies(gridFs, mongo);
		// The quota queries of every upload; created in the background, as the
		// projections'
		// indexes are, since a missing index only slows them down.
		Flux.concat(
				mongo.indexOps(FILES)
					.ensureIndex(new Index().on("metadata.resourceId", Sort.Direction.ASC)
						.on("metadata.eventId", Sort.Direction.ASC)),
				mongo.indexOps(FILES)
					.ensureIndex(new Index().on("metadata.registration", Sort.Direction.ASC)
						.on("metadata.eventId", Sort.Direction.ASC)))
			.onErrorResume((ex) -> Mono.empty())
			.subscribe();
	}

	/**
	 * Stores a stream as a new file; when the stream fails, the chunks written so far are
	 * deleted and no file is recorded.
	 * @param content the bytes, as they come
	 * @param name the file name
	 * @param metadata what the file belongs to
	 * @return the new file's id
	 */
	Mono<ObjectId> store(Flux<DataBuffer> content, String name, Document metadata) {
		return this.gridFs.store(content, name, null, metadata);
	}

	/**
	 * Records what is known of a streamed file once it is stored: its name, detected type
	 * plaintext size and the nonce prefix of its header.
	 * @param id the file's id
	 * @param name the file name
	 * @param contentType the detected media type
	 * @param size plaintext bytes
	 * @param iv base64 of the nonce prefix in the stored file's header
	 * @return completes when done
	 */
	Mono<Void> complete(ObjectId id, String name, String contentType, long size, String iv) {
		Update update = new Update().set("filename", name)
			.set("metadata.contentType", contentType)
			.set("metadata._contentType", contentType)
			.set("metadata.size", size)
			.set("metadata.iv", iv);
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, FILES).then();
	}

	/**
	 * The files and stored bytes of one record.
	 * @param eventId the conference
	 * @param resourceType travel-document or booking-confirmation
	 * @param resourceId the record
	 * @return the usage, zero when it has none
	 */
	Mono<DocumentQuotas.Usage> usageOfRecord(String eventId, String resourceType, String resourceId) {
		return usage(Criteria.where("metadata.resourceId")
			.is(resourceId)
			.and("metadata.eventId")
			.is(eventId)
			.and("metadata.resourceType")
			.is(resourceType));
	}

	/**
	 * The files and stored bytes of every record of one registration.
	 * @param eventId the conference
	 * @param registration the registration {@code _id}
	 * @return the usage, zero when it has none
	 */
	Mono<DocumentQuotas.Usage> usageOfRegistration(String eventId, String registration) {
		return usage(Criteria.where("metadata.registration").is(registration).and("metadata.eventId").is(eventId));
	}

	private Mono<DocumentQuotas.Usage> usage(Criteria criteria) {
		Aggregation aggregation = Aggregation.newAggregation(Aggregation.match(criteria),
				Aggregation.group().count().as("files").sum("length").as("bytes"));
		return this.mongo.aggregate(aggregation, FILES, Document.class)
			.next()
			.map((row) -> new DocumentQuotas.Usage(number(row.get("files")), number(row.get("bytes"))))
			.defaultIfEmpty(DocumentQuotas.Usage.NONE);
	}

	private static long number(Object value) {
		return (value instanceof Number number) ? number.longValue() : 0;
	}

	/**
	 * A stored file.
	 * @param id the file's id
	 * @return the file, or empty
	 */
	Mono<GridFSFile> findById(ObjectId id) {
		return this.gridFs.findOne(Query.query(Criteria.where("_id").is(id)));
	}

	/**
	 * The content of a stored file.
	 * @param file the file
	 * @return its resource
	 */
	Mono<ReactiveGridFsResource> resource(GridFSFile file) {
		return this.gridFs.getResource(file);
	}

	/**
	 * The stored files of an event.
	 * @param eventId the conference
	 * @return the files
	 */
	Flux<GridFSFile> findOfEvent(String eventId) {
		return this.gridFs.find(Query.query(Criteria.where("metadata.eventId").is(eventId)));
	}

	/**
	 * The rekey queries of these files: the files to re-encrypt, the copies in progress.
	 * @return the rekey queries
	 */
	GridFsRekeyCopies rekeyCopies() {
		return this.rekeyCopies;
	}

	/**
	 * Records the nonce prefix of a re-encrypted copy once it is stored.
	 * @param id the copy
	 * @param iv base64 of the nonce prefix in its header
	 * @return completes when done
	 */
	Mono<Void> recordIv(ObjectId id, String iv) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("metadata.iv", iv), FILES)
			.then();
	}

	/**
	 * Deletes a stored file.
	 * @param id the file's id
	 * @return completes when done
	 */
	Mono<Void> deleteById(ObjectId id) {
		return this.gridFs.delete(Query.query(Criteria.where("_id").is(id)));
	}

}

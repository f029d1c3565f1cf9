package com.onsiteatlas.lodging.document;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsResource;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Repository;

/**
 * The stored bytes of uploaded documents in this service's GridFS ({@code fs.files},
 * {@code fs.chunks}). GridFS has no Spring Data repository, so this class is the one that
 * holds the GridFS template and its queries.
 */
@Repository
class StoredFileRepository {

	private final ReactiveGridFsTemplate gridFs;

	StoredFileRepository(ReactiveGridFsTemplate gridFs) {
		this.gridFs = gridFs;
	}

	/**
	 * Stores bytes as a new file.
	 * @param content the bytes
	 * @param name the file name
	 * @param contentType the media type
	 * @param metadata what the file belongs to
	 * @return the new file's id
	 */
	Mono<ObjectId> store(byte[] content, String name, String contentType, Document metadata) {
		return this.gridFs.store(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(content)), name, contentType,
				metadata);
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
	 * Deletes a stored file.
	 * @param id the file's id
	 * @return completes when done
	 */
	Mono<Void> deleteById(ObjectId id) {
		return this.gridFs.delete(Query.query(Criteria.where("_id").is(id)));
	}

}

package com.onsiteatlas.reporting.export;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Repository;

/**
 * The export files in GridFS, as stored (encrypted): GridFS has no Spring Data
 * repository, so this one holds the GridFS template.
 */
@Repository
class ExportFileRepository {

	/** Marks a re-encrypted copy until its job names it: the original's id. */
	static final String REKEY_OF = "rekeyOf";

	private static final String FILES = "fs.files";

	private final ReactiveGridFsTemplate gridFs;

	private final ReactiveMongoTemplate mongo;

	ExportFileRepository(ReactiveGridFsTemplate gridFs, ReactiveMongoTemplate mongo) {
		this.gridFs = gridFs;
		this.mongo = mongo;
	}

	/**
	 * Stores a file.
	 * @param content its bytes as stored
	 * @param fileName its name
	 * @param contentType its content type
	 * @param metadata its metadata
	 * @return the GridFS id
	 */
	Mono<ObjectId> store(Flux<DataBuffer> content, String fileName, String contentType, Document metadata) {
		return this.gridFs.store(content, fileName, contentType, metadata);
	}

	/**
	 * The bytes of a stored file, as stored.
	 * @param fileId its GridFS id
	 * @return its bytes, or empty when the file is gone
	 */
	Mono<Flux<DataBuffer>> content(String fileId) {
		return this.gridFs.findOne(byId(fileId))
			.flatMap(this.gridFs::getResource)
			.map((resource) -> resource.getDownloadStream());
	}

	/**
	 * Deletes a stored file.
	 * @param fileId its GridFS id
	 * @return completion
	 */
	Mono<Void> delete(String fileId) {
		return this.gridFs.delete(byId(fileId));
	}

	/**
	 * The files stored before a point, re-encrypted copies in progress left out, oldest
	 * first.
	 * @param before files with a smaller id
	 * @return the files
	 */
	Flux<GridFSFile> findStoredBefore(ObjectId before) {
		return this.gridFs.find(Query.query(Criteria.where("_id").lt(before).and("metadata." + REKEY_OF).exists(false))
			.with(Sort.by("_id")));
	}

	/**
	 * The re-encrypted copies whose job may not name them yet.
	 * @return the copies
	 */
	Flux<GridFSFile> findRekeyCopies() {
		return this.gridFs.find(Query.query(Criteria.where("metadata." + REKEY_OF).exists(true)));
	}

	/**
	 * The first bytes of a stored file, as stored.
	 * @param file the file
	 * @param bytes how many at most
	 * @return the bytes (fewer for a shorter file)
	 */
	Mono<byte[]> head(GridFSFile file, int bytes) {
		return this.gridFs.getResource(file)
			.flatMap((resource) -> DataBufferUtils
				.join(DataBufferUtils.takeUntilByteCount(resource.getDownloadStream(), bytes)))
			.map((buffer) -> {
				byte[] head = new byte[Math.min(bytes, buffer.readableByteCount())];
				buffer.read(head);
				DataBufferUtils.release(buffer);
				return head;
			})
			.defaultIfEmpty(new byte[0]);
	}

	/**
	 * The bytes of a stored file, as stored.
	 * @param file the file
	 * @return its bytes
	 */
	Flux<DataBuffer> content(GridFSFile file) {
		return this.gridFs.getResource(file).flatMapMany((resource) -> resource.getDownloadStream());
	}

	/**
	 * Unmarks a re-encrypted copy once its job names it.
	 * @param id the copy
	 * @return completion
	 */
	Mono<Void> unmarkCopy(ObjectId id) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset("metadata." + REKEY_OF), FILES)
			.then();
	}

	/**
	 * Deletes a stored file.
	 * @param id its GridFS id
	 * @return completion
	 */
	Mono<Void> delete(ObjectId id) {
		return this.gridFs.delete(Query.query(Criteria.where("_id").is(id)));
	}

	private static Query byId(String fileId) {
		return Query.query(Criteria.where("_id").is(new ObjectId(fileId)));
	}

}

package com.onsiteatlas.reporting.export;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Repository;

import com.onsiteatlas.support.crypto.GridFsRekeyCopies;

/**
 * The export files in GridFS, as stored (encrypted): GridFS has no Spring Data
 * repository, so this one holds the GridFS template.
 */
@Repository
class ExportFileRepository {

	private final ReactiveGridFsTemplate gridFs;

	private final GridFsRekeyCopies rekeyCopies;

	ExportFileRepository(ReactiveGridFsTemplate gridFs, ReactiveMongoTemplate mongo) {
		this.gridFs = gridFs;
		this.rekeyCopies = new GridFsRekeyCopies(gridFs, mongo);
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
	 * The bytes of a stored file, as stored.
	 * @param file the file
	 * @return its bytes
	 */
	Flux<DataBuffer> content(GridFSFile file) {
		return this.gridFs.getResource(file).flatMapMany((resource) -> resource.getDownloadStream());
	}

	/**
	 * The rekey queries of the export files: the files to re-encrypt, the copies in
	 * progress.
	 * @return the rekey queries
	 */
	GridFsRekeyCopies rekeyCopies() {
		return this.rekeyCopies;
	}

	private static Query byId(String fileId) {
		return Query.query(Criteria.where("_id").is(new ObjectId(fileId)));
	}

}

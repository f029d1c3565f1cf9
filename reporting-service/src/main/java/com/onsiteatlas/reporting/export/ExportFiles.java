package com.onsiteatlas.reporting.export;

import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.format.FileFormat;

/**
 * The stored files of export jobs in GridFS: their names, storing a written file and
 * deleting one.
 */
@Component
class ExportFiles {

	private final ReactiveGridFsTemplate gridFs;

	ExportFiles(ReactiveGridFsTemplate gridFs) {
		this.gridFs = gridFs;
	}

	/**
	 * Copies a written file into GridFS.
	 * @param job its job
	 * @param written the file
	 * @return the GridFS id
	 */
	Mono<String> store(ExportHistory job, ExportFileWriter.Written written) {
		FileFormat format = FileFormat.of(job.exportType());
		Document metadata = new Document("exportId", job.id()).append("contentType", format.contentType());
		return this.gridFs
			.store(DataBufferUtils.read(written.path(), DefaultDataBufferFactory.sharedInstance, 64 * 1024),
					fileName(job), format.contentType(), metadata)
			.map(ObjectId::toHexString);
	}

	/**
	 * Deletes a stored file.
	 * @param fileId its GridFS id
	 * @return completion
	 */
	Mono<Void> delete(String fileId) {
		return this.gridFs.delete(Query.query(Criteria.where("_id").is(new ObjectId(fileId))));
	}

	/**
	 * The download name of a job's file: data type, event (or {@code all}), day and the
	 * end of the job id.
	 * @param job the job
	 * @return e.g. {@code registrations_<event>_2026-12-07_a1b2c3.csv}
	 */
	static String fileName(ExportHistory job) {
		String day = job.createdAt().toString().substring(0, 10);
		return job.dataType() + "_" + ((job.event() != null) ? job.event() : "all") + "_" + day + "_"
				+ job.id().substring(18) + "." + FileFormat.of(job.exportType()).extension();
	}

}

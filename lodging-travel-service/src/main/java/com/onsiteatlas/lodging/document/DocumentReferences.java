package com.onsiteatlas.lodging.document;

import reactor.core.publisher.Mono;

/**
 * How the records of one resource type name their stored files, for the rekey of
 * documents, which switches a record from a file to its re-encrypted copy. Each feature
 * that keeps documents contributes one bean; the switch must make every write of the
 * record that was based on a read before it fail (or leave the file reference alone), so
 * that no write puts the original back after it is deleted.
 */
public interface DocumentReferences {

	/**
	 * The resource type of the files' metadata these records own.
	 * @return e.g. {@code travel-document}
	 */
	String resourceType();

	/**
	 * Points a record at a re-encrypted copy of a file, on condition that it still names
	 * the original.
	 * @param resourceId the record
	 * @param oldFileId the original's GridFS id
	 * @param newFileId the copy's GridFS id
	 * @return whether the record now names the copy
	 */
	Mono<Boolean> replace(String resourceId, String oldFileId, String newFileId);

	/**
	 * Whether a record names a file.
	 * @param resourceId the record
	 * @param fileId the GridFS id
	 * @return true when it does
	 */
	Mono<Boolean> refersTo(String resourceId, String fileId);

}

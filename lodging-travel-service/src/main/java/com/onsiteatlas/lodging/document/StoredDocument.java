package com.onsiteatlas.lodging.document;

/**
 * A document kept in GridFS.
 *
 * @param fileId the GridFS file id
 * @param fileName the sanitised name
 * @param contentType the detected content type
 * @param size the plaintext size in bytes
 * @param encrypted whether the stored bytes are encrypted
 */
public record StoredDocument(String fileId, String fileName, String contentType, long size, boolean encrypted) {
}

package com.onsiteatlas.reporting.export;

import java.time.Instant;

/**
 * What a completed export job records about its file.
 *
 * @param recordCount rows written
 * @param fileSize bytes
 * @param fileId GridFS id
 * @param fileName download name
 * @param fileUrl download path
 * @param completedAt when it completed
 * @param expiresAt when its file expires
 */
record ExportCompletion(long recordCount, long fileSize, String fileId, String fileName, String fileUrl,
		Instant completedAt, Instant expiresAt) {
}

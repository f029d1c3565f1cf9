package com.onsiteatlas.reporting.delivery;

/**
 * A file to deliver.
 *
 * @param name file name
 * @param contentType MIME type
 * @param bytes content (null when only a link is sent)
 * @param size size in bytes
 * @param downloadPath path of the file behind the gateway
 * ({@code /api/export/download/..})
 */
public record ReportFile(String name, String contentType, byte[] bytes, long size, String downloadPath) {
}

/**
 * Stored documents: uploads checked by size and by their content, names sanitised, bytes
 * in GridFS (passport and visa files encrypted with AES-256-GCM), downloads and deletes,
 * each audited.
 */
package com.onsiteatlas.lodging.document;

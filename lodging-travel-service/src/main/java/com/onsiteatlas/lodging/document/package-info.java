/**
 * Stored documents: uploads admitted within a bound on uploads in flight and the
 * per-record and per-registration quotas, checked by size and by their content, names
 * sanitised, streamed through segmented AES-256-GCM into GridFS (every file encrypted),
 * downloads decrypted as they stream, and deletes, each audited.
 */
package com.onsiteatlas.lodging.document;

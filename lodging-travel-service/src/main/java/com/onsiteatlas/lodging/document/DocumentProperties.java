package com.onsiteatlas.lodging.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Upload limits and the encryption key of stored documents.
 *
 * @param maxSize the largest accepted file (413 above)
 * @param encryptionKey base64 of 32 bytes (AES-256) for passport and visa files
 */
@ConfigurationProperties("atlas.lodging.documents")
record DocumentProperties(@DefaultValue("10MB") DataSize maxSize, String encryptionKey) {
}

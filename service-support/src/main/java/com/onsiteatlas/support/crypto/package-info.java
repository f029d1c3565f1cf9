/**
 * Encryption at rest under the platform's {@code ATLAS_ENCRYPTION_KEY}: secrets (provider
 * tokens, storage keys) as sealed strings, and files of any size as segmented streams.
 */
package com.onsiteatlas.support.crypto;

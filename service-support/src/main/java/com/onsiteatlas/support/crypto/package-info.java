/**
 * Encryption of secrets at rest (provider tokens, storage keys) under the platform's
 * {@code ATLAS_ENCRYPTION_KEY}.
 */
package com.onsiteatlas.support.crypto;

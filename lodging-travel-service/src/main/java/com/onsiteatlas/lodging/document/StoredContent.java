package com.onsiteatlas.lodging.document;

import java.util.Base64;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import com.onsiteatlas.support.crypto.AesGcmStreamCipher;

/**
 * Reads the clear bytes of a stored document in whichever format its metadata names:
 * format 2 ({@link AesGcmStreamCipher}, decrypted as it streams, under any key of the
 * documents keyring), format 1 (whole-file AES-GCM under {@code ATLAS_ENCRYPTION_KEY},
 * files stored before streaming, at most the size limit, decrypted whole), or clear
 * (stored before encryption).
 */
final class StoredContent {

	/**
	 * {@code format} of files written by {@link AesGcmStreamCipher}, header in the file.
	 */
	static final int STREAMING_FORMAT = 2;

	private final AesGcmStreamCipher cipher;

	private final Encryption encryption;

	StoredContent(AesGcmStreamCipher cipher, Encryption encryption) {
		this.cipher = cipher;
		this.encryption = encryption;
	}

	/**
	 * The clear bytes of a stored file.
	 * @param raw the stored bytes
	 * @param metadata the file's GridFS metadata
	 * @param owner the record it belongs to
	 * @return the clear bytes; an error when they do not decrypt
	 */
	Flux<DataBuffer> plaintext(Flux<DataBuffer> raw, Document metadata, DocumentOwner owner) {
		if (!Boolean.TRUE.equals(metadata.getBoolean("encrypted"))) {
			return raw;
		}
		if (isStreaming(metadata)) {
			// Strict: the metadata says encrypted, so a file without its header, or with
			// another file's, is altered.
			return this.cipher.decryptStrict(StoredHeaderCheck.matching(raw, metadata.getString("iv")),
					owner.associatedData());
		}
		// Format 1, whole-file AES-GCM: files stored before streaming, at most the size
		// limit.
		byte[] iv = Base64.getDecoder().decode(metadata.getString("iv"));
		return DataBufferUtils.join(raw).map((buffer) -> {
			byte[] sealed = new byte[buffer.readableByteCount()];
			buffer.read(sealed);
			DataBufferUtils.release(buffer);
			return sealed;
		})
			.publishOn(Schedulers.boundedElastic())
			.map((sealed) -> (DataBuffer) DefaultDataBufferFactory.sharedInstance
				.wrap(this.encryption.decrypt(sealed, iv, owner.associatedData())))
			.flux();
	}

	/**
	 * Whether a file's metadata says it is in format 2.
	 * @param metadata the file's GridFS metadata
	 * @return true for an encrypted file of format 2
	 */
	static boolean isStreaming(Document metadata) {
		Number format = metadata.get("format", Number.class);
		return Boolean.TRUE.equals(metadata.getBoolean("encrypted")) && format != null
				&& format.intValue() == STREAMING_FORMAT;
	}

	/**
	 * The record a stored file belongs to, from its metadata.
	 * @param metadata the file's GridFS metadata
	 * @return the owner
	 */
	static DocumentOwner owner(Document metadata) {
		return new DocumentOwner(metadata.getString("eventId"), metadata.getString("resourceType"),
				metadata.getString("resourceId"), metadata.getString("registration"));
	}

}

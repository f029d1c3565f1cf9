package com.onsiteatlas.lodging.document;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Format 2 of stored documents: AES-256-GCM over fixed-size segments, so that a file is
 * encrypted and decrypted as it streams instead of whole in memory (issue 15, item 4).
 * <p>
 * Each file has a random salt and nonce prefix (kept in its GridFS metadata, the prefix
 * as {@code iv}, next to {@code format: 2}). The file key is HKDF-SHA256 of the document
 * key and the salt, so nonces never repeat across files. Segment {@code i} is sealed with
 * the nonce {@code prefix(7) || i(4) || last(1)} and the owning record as associated
 * data: a changed byte, swapped or dropped segments, a truncation at a segment boundary
 * and a file moved onto another record all fail to decrypt. Plaintext is released one
 * authenticated segment at a time.
 */
final class StreamingEncryption {

	static final int FORMAT = 2;

	static final int DEFAULT_SEGMENT_SIZE = 64 * 1024;

	private static final int SALT_BYTES = 16;

	private static final int PREFIX_BYTES = 7;

	private static final int TAG_BYTES = 16;

	private static final byte[] INFO = "onsite-atlas/document/v2".getBytes(StandardCharsets.US_ASCII);

	private final byte[] documentKey;

	private final int segmentSize;

	private final SecureRandom random = new SecureRandom();

	StreamingEncryption(byte[] documentKey, int segmentSize) {
		if (segmentSize < 16) {
			throw new IllegalArgumentException("segment size too small: " + segmentSize);
		}
		this.documentKey = documentKey.clone();
		this.segmentSize = segmentSize;
	}

	/**
	 * A fresh header for a new file.
	 * @return random salt and nonce prefix, with this instance's segment size
	 */
	Header newHeader() {
		byte[] salt = new byte[SALT_BYTES];
		byte[] prefix = new byte[PREFIX_BYTES];
		this.random.nextBytes(salt);
		this.random.nextBytes(prefix);
		return new Header(salt, prefix, this.segmentSize);
	}

	Sealer sealer(Header header, String associatedData) {
		return new Sealer(fileKey(header), header, associatedData);
	}

	Opener opener(Header header, String associatedData) {
		return new Opener(fileKey(header), header, associatedData);
	}

	private SecretKeySpec fileKey(Header header) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(header.salt(), "HmacSHA256"));
			byte[] pseudoRandomKey = mac.doFinal(this.documentKey);
			mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
			mac.update(INFO);
			mac.update((byte) 1);
			return new SecretKeySpec(mac.doFinal(), "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Document key derivation failed", ex);
		}
	}

	/**
	 * What a reader needs besides the key: kept next to the file.
	 *
	 * @param salt the file key's salt
	 * @param noncePrefix the first seven bytes of every segment's nonce
	 * @param segmentSize plaintext bytes per segment (the last may be shorter)
	 */
	record Header(byte[] salt, byte[] noncePrefix, int segmentSize) {

		Header {
			if (salt.length != SALT_BYTES || noncePrefix.length != PREFIX_BYTES || segmentSize < 16) {
				throw new IllegalArgumentException("Not a format 2 document header");
			}
		}

	}

	/**
	 * Cuts a stream into segments of a fixed size and seals each one; not thread-safe,
	 * fed in order by one stream. A full segment is held until more input shows it is not
	 * the last.
	 */
	abstract static class Segments {

		private final SecretKeySpec key;

		private final byte[] prefix;

		private final byte[] associatedData;

		private final Cipher cipher;

		private final byte[] pending;

		private int filled;

		private int index;

		Segments(SecretKeySpec key, Header header, String associatedData, int inputSegmentSize) {
			this.key = key;
			this.prefix = header.noncePrefix();
			this.associatedData = associatedData.getBytes(StandardCharsets.UTF_8);
			this.pending = new byte[inputSegmentSize];
			try {
				this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("AES-GCM is not available", ex);
			}
		}

		/**
		 * Takes more input.
		 * @param input bytes
		 * @param offset where they start
		 * @param length how many
		 * @return the segments completed by this input, in order (often none)
		 */
		List<byte[]> update(byte[] input, int offset, int length) {
			List<byte[]> out = new ArrayList<>(1);
			int at = offset;
			int left = length;
			while (left > 0) {
				if (this.filled == this.pending.length) {
					out.add(process(false));
				}
				int n = Math.min(left, this.pending.length - this.filled);
				System.arraycopy(input, at, this.pending, this.filled, n);
				this.filled += n;
				at += n;
				left -= n;
			}
			return out;
		}

		/**
		 * Ends the stream.
		 * @return the last segment
		 */
		byte[] finish() {
			return process(true);
		}

		private byte[] process(boolean last) {
			byte[] nonce = ByteBuffer.allocate(12)
				.put(this.prefix)
				.putInt(this.index)
				.put((byte) (last ? 1 : 0))
				.array();
			try {
				if (mode() == Cipher.DECRYPT_MODE && this.filled < TAG_BYTES) {
					throw new AEADBadTagException("segment " + this.index + " is shorter than its tag");
				}
				this.cipher.init(mode(), this.key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
				this.cipher.updateAAD(this.associatedData);
				byte[] result = this.cipher.doFinal(this.pending, 0, this.filled);
				this.index++;
				this.filled = 0;
				return result;
			}
			catch (GeneralSecurityException | ProviderException ex) {
				throw failure(ex);
			}
		}

		abstract int mode();

		abstract RuntimeException failure(Exception ex);

	}

	/** Encrypts a plaintext stream. */
	static final class Sealer extends Segments {

		Sealer(SecretKeySpec key, Header header, String associatedData) {
			super(key, header, associatedData, header.segmentSize());
		}

		@Override
		int mode() {
			return Cipher.ENCRYPT_MODE;
		}

		@Override
		RuntimeException failure(Exception ex) {
			return new IllegalStateException("Document encryption failed", ex);
		}

	}

	/** Decrypts a stored stream; a segment that does not authenticate ends it. */
	static final class Opener extends Segments {

		Opener(SecretKeySpec key, Header header, String associatedData) {
			super(key, header, associatedData, header.segmentSize() + TAG_BYTES);
		}

		@Override
		int mode() {
			return Cipher.DECRYPT_MODE;
		}

		@Override
		RuntimeException failure(Exception ex) {
			return new TamperedDocumentException(ex);
		}

	}

	/** A stored document whose bytes do not authenticate: changed, cut or moved. */
	static final class TamperedDocumentException extends IllegalStateException {

		TamperedDocumentException(Throwable cause) {
			super("A stored document does not authenticate", cause);
		}

	}

}

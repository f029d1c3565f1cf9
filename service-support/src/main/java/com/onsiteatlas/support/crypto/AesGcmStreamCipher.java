package com.onsiteatlas.support.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

/**
 * Encrypts files of any size as a stream under {@code ATLAS_ENCRYPTION_KEY}, holding one
 * segment (64 KiB) in memory at a time, and decrypts them the same way on the fly.
 * <p>
 * One AES-GCM call over a whole file cannot be read as a stream (the tag is checked only
 * at the end, so the JDK keeps every byte until then), so a file is cut into segments
 * sealed one by one, the online scheme of Hoang, Reyhanitabar, Rogaway and Vizár (the
 * "STREAM" construction Tink's streaming AEAD and age use): a file key derived with
 * HKDF-SHA256 from the master key and a random salt, and per segment the nonce
 * {@code prefix(7) || index(4) || last(1)}, so segments cannot be reordered, dropped or
 * cut off at the end unnoticed. The header is the associated data of every segment, with
 * the caller's associated data (the record the file belongs to, so a file copied onto
 * another record does not decrypt).
 * <p>
 * Layout: {@code MAGIC(8) || segment size(4) || salt(16) || nonce prefix(7) || key id
 * length(1) || key id}, the key id naming the key of a {@link Keyring} the file key is
 * derived from (so keys can be rotated), then the sealed segments (each its ciphertext
 * and a 16-byte tag; the last may be shorter, empty for an empty file). The magic starts
 * with {@code 0x89}, which no UTF-8 text (CSV), ZIP (XLSX) or PDF file starts with, so a
 * file stored in clear before encryption is recognised and {@link #decrypt} passes it
 * through unchanged; {@link #decryptStrict} is for callers whose own records say the file
 * is encrypted, and refuses such a file instead. Files written before key ids (version 1
 * of the marker) end their header after the nonce prefix and are under
 * {@code ATLAS_ENCRYPTION_KEY} itself; they still decrypt.
 */
public final class AesGcmStreamCipher {

	/**
	 * Marks an encrypted file written before key ids: {@code 0x89 "ATLSEG" 0x01}, the
	 * last byte the version.
	 */
	static final byte[] MAGIC = { (byte) 0x89, 'A', 'T', 'L', 'S', 'E', 'G', 1 };

	/** Marks an encrypted file whose header names its key: {@code 0x89 "ATLSEG" 0x02}. */
	static final byte[] KEYED_MAGIC = { (byte) 0x89, 'A', 'T', 'L', 'S', 'E', 'G', 2 };

	private static final int MAX_KEY_ID_BYTES = 32;

	/** The name of the scheme, for metadata. */
	public static final String NAME = "AES-256-GCM-STREAM";

	static final int DEFAULT_SEGMENT_BYTES = 64 * 1024;

	private static final int MAX_SEGMENT_BYTES = 16 * 1024 * 1024;

	private static final int SALT_BYTES = 16;

	private static final int PREFIX_BYTES = 7;

	/**
	 * The length of the part of the header every encrypted file starts with, up to its
	 * nonce prefix (the whole header of a file written before key ids; the key id follows
	 * in the others).
	 */
	public static final int HEADER_BYTES = MAGIC.length + 4 + SALT_BYTES + PREFIX_BYTES;

	private static final int TAG_BYTES = 16;

	private static final byte[] INFO = "onsite-atlas stream AES-256-GCM v1".getBytes(StandardCharsets.US_ASCII);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Keyring keyring;

	private final int segmentBytes;

	/**
	 * A cipher under one key as before key ids: it writes headers without a key id.
	 * @param base64Key base64 of exactly 32 bytes ({@code ATLAS_ENCRYPTION_KEY})
	 * @throws IllegalArgumentException when the key is missing, not base64 or not 32
	 * bytes
	 */
	public AesGcmStreamCipher(String base64Key) {
		this(base64Key, DEFAULT_SEGMENT_BYTES);
	}

	/**
	 * A cipher under a keyring: files are written under its current key and name it; a
	 * file under any key of the ring decrypts.
	 * @param keyring the keys of the purpose
	 */
	public AesGcmStreamCipher(Keyring keyring) {
		this(keyring, DEFAULT_SEGMENT_BYTES);
	}

	/**
	 * A cipher under a key with another segment size than 64 KiB, so that tests can cover
	 * many segments with small files; a reader takes the size from the header.
	 * @param base64Key base64 of exactly 32 bytes ({@code ATLAS_ENCRYPTION_KEY})
	 * @param segmentBytes clear bytes per segment, 1 to 16 MiB
	 * @throws IllegalArgumentException when the key is not one or the size is out of
	 * range
	 */
	public AesGcmStreamCipher(String base64Key, int segmentBytes) {
		this(Keyring.legacyOnly(base64Key), segmentBytes);
	}

	/**
	 * A cipher under a keyring with another segment size than 64 KiB.
	 * @param keyring the keys of the purpose
	 * @param segmentBytes clear bytes per segment, 1 to 16 MiB
	 * @throws IllegalArgumentException when the size is out of range
	 */
	public AesGcmStreamCipher(Keyring keyring, int segmentBytes) {
		if (segmentBytes < 1 || segmentBytes > MAX_SEGMENT_BYTES) {
			throw new IllegalArgumentException("Segment size out of range: " + segmentBytes);
		}
		this.keyring = keyring;
		this.segmentBytes = segmentBytes;
	}

	/**
	 * Whether a stored file should be encrypted again: stored before key ids or under a
	 * key that is no longer the current one (clear files are the caller's to judge).
	 * @param start the first bytes of the file, its whole header
	 * @return true when it is encrypted but not under the current key
	 */
	public boolean needsRekey(byte[] start) {
		return isEncrypted(start) && !this.keyring.isCurrent(keyId(start));
	}

	/**
	 * Encrypts a stream.
	 * @param clear the file's bytes (each buffer is released once read)
	 * @param associatedData what the file belongs to; the same must be given to decrypt
	 * @return the encrypted file: header, then one buffer per segment
	 */
	public Flux<DataBuffer> encrypt(Flux<DataBuffer> clear, String associatedData) {
		return Flux.defer(() -> {
			Sealer sealer = new Sealer(associatedData);
			return clear.concatMapIterable(sealer::feed)
				.concatWith(Flux.defer(() -> Flux.fromIterable(sealer.finish())));
		});
	}

	/**
	 * Decrypts a stream written by {@link #encrypt}; a file stored in clear (no header)
	 * comes back unchanged.
	 * @param stored the stored bytes (each buffer is released once read, or passed on for
	 * a clear file)
	 * @param associatedData what was given to encrypt
	 * @return the clear bytes; an error before the first byte of a segment that does not
	 * decrypt (another key or record, altered, cut off)
	 */
	public Flux<DataBuffer> decrypt(Flux<DataBuffer> stored, String associatedData) {
		return open(stored, associatedData, true);
	}

	/**
	 * Decrypts a stream written by {@link #encrypt} that must be encrypted: for callers
	 * that know from their own records that the file was encrypted, so that a file whose
	 * header was altered or replaced by clear bytes fails instead of being passed on.
	 * @param stored the stored bytes (each buffer is released once read)
	 * @param associatedData what was given to encrypt
	 * @return the clear bytes; an error when the stream does not start with the header,
	 * and before the first byte of a segment that does not decrypt
	 */
	public Flux<DataBuffer> decryptStrict(Flux<DataBuffer> stored, String associatedData) {
		return open(stored, associatedData, false);
	}

	private Flux<DataBuffer> open(Flux<DataBuffer> stored, String associatedData, boolean clearAllowed) {
		return Flux.defer(() -> {
			Opener opener = new Opener(associatedData, clearAllowed);
			return stored.concatMapIterable(opener::feed)
				.concatWith(Flux.defer(() -> Flux.fromIterable(opener.finish())));
		});
	}

	/**
	 * Whether bytes start like an encrypted file.
	 * @param start the first bytes of a file (at least 8 to tell)
	 * @return true when they carry the header's marker
	 */
	public static boolean isEncrypted(byte[] start) {
		return start.length >= MAGIC.length && (Arrays.equals(start, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
				|| Arrays.equals(start, 0, MAGIC.length, KEYED_MAGIC, 0, MAGIC.length));
	}

	/**
	 * The key id in the header of an encrypted file.
	 * @param start the first bytes of the file, its whole header
	 * @return the id, or null for a file written before key ids (or not encrypted)
	 * @throws IllegalArgumentException when the header is cut off before its key id
	 */
	public static String keyId(byte[] start) {
		if (start.length < MAGIC.length || !Arrays.equals(start, 0, MAGIC.length, KEYED_MAGIC, 0, MAGIC.length)) {
			return null;
		}
		if (start.length <= HEADER_BYTES || start.length < HEADER_BYTES + 1 + (start[HEADER_BYTES] & 0xff)) {
			throw new IllegalArgumentException("The header of an encrypted file is cut off before its key id");
		}
		return new String(start, HEADER_BYTES + 1, start[HEADER_BYTES] & 0xff, StandardCharsets.US_ASCII);
	}

	/**
	 * The nonce prefix of an encrypted file, for callers that record it next to the file.
	 * @param start the first bytes of the file, at least {@link #HEADER_BYTES}
	 * @return the seven random bytes every segment's nonce starts with
	 * @throws IllegalArgumentException when the bytes do not start with a header
	 */
	public static byte[] noncePrefix(byte[] start) {
		if (start.length < HEADER_BYTES || !isEncrypted(start)) {
			throw new IllegalArgumentException("Not the header of an encrypted file");
		}
		return Arrays.copyOfRange(start, HEADER_BYTES - PREFIX_BYTES, HEADER_BYTES);
	}

	private static SecretKeySpec fileKey(SecretKeySpec master, byte[] salt) {
		try {
			// HKDF-SHA256 (RFC 5869) for one 32-byte block.
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(salt, "HmacSHA256"));
			byte[] prk = mac.doFinal(master.getEncoded());
			mac.init(new SecretKeySpec(prk, "HmacSHA256"));
			mac.update(INFO);
			mac.update((byte) 1);
			return new SecretKeySpec(mac.doFinal(), "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot derive a file key", ex);
		}
	}

	private static byte[] nonce(byte[] prefix, int index, boolean last) {
		return ByteBuffer.allocate(12).put(prefix).putInt(index).put((byte) (last ? 1 : 0)).array();
	}

	private static byte[] aad(byte[] header, String associatedData) {
		byte[] data = (associatedData != null) ? associatedData.getBytes(StandardCharsets.UTF_8) : new byte[0];
		return ByteBuffer.allocate(header.length + data.length).put(header).put(data).array();
	}

	private static DataBuffer wrap(byte[] bytes) {
		return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
	}

	/** The state of one encryption: the segment being filled. */
	private final class Sealer {

		private final byte[] header;

		private final byte[] aad;

		private final byte[] prefix;

		private final SecretKeySpec key;

		private final byte[] pending = new byte[AesGcmStreamCipher.this.segmentBytes];

		private int filled;

		private int index;

		private boolean headerSent;

		Sealer(String associatedData) {
			byte[] salt = new byte[SALT_BYTES];
			RANDOM.nextBytes(salt);
			this.prefix = new byte[PREFIX_BYTES];
			RANDOM.nextBytes(this.prefix);
			Keyring keyring = AesGcmStreamCipher.this.keyring;
			byte[] id = (keyring.currentId() != null) ? keyring.currentId().getBytes(StandardCharsets.US_ASCII) : null;
			ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES + ((id != null) ? 1 + id.length : 0))
				.put((id != null) ? KEYED_MAGIC : MAGIC)
				.putInt(AesGcmStreamCipher.this.segmentBytes)
				.put(salt)
				.put(this.prefix);
			if (id != null) {
				header.put((byte) id.length).put(id);
			}
			this.header = header.array();
			this.aad = aad(this.header, associatedData);
			this.key = fileKey(keyring.currentKey(), salt);
		}

		List<DataBuffer> feed(DataBuffer in) {
			List<DataBuffer> out = new ArrayList<>(2);
			try {
				startWith(out);
				while (in.readableByteCount() > 0) {
					// A full segment is sealed only once more bytes come: the last one is
					// marked as last.
					if (this.filled == this.pending.length) {
						out.add(wrap(seal(false)));
					}
					int n = Math.min(in.readableByteCount(), this.pending.length - this.filled);
					in.read(this.pending, this.filled, n);
					this.filled += n;
				}
				return out;
			}
			finally {
				DataBufferUtils.release(in);
			}
		}

		List<DataBuffer> finish() {
			List<DataBuffer> out = new ArrayList<>(2);
			startWith(out);
			out.add(wrap(seal(true)));
			return out;
		}

		private void startWith(List<DataBuffer> out) {
			if (!this.headerSent) {
				out.add(wrap(this.header));
				this.headerSent = true;
			}
		}

		private byte[] seal(boolean last) {
			try {
				Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
				cipher.init(Cipher.ENCRYPT_MODE, this.key,
						new GCMParameterSpec(TAG_BYTES * 8, nonce(this.prefix, this.index++, last)));
				cipher.updateAAD(this.aad);
				byte[] sealed = cipher.doFinal(this.pending, 0, this.filled);
				this.filled = 0;
				return sealed;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Cannot encrypt a file", ex);
			}
		}

	}

	/** The state of one decryption: the header, then the segment being filled. */
	private final class Opener {

		private final String associatedData;

		private final boolean clearAllowed;

		private final byte[] header = new byte[HEADER_BYTES + 1 + MAX_KEY_ID_BYTES];

		private int headerFilled;

		/** The header's length, known once its first bytes are read. */
		private int headerBytes = HEADER_BYTES;

		private boolean clear;

		private byte[] aad;

		private byte[] prefix;

		private SecretKeySpec key;

		private byte[] pending;

		private int filled;

		private int index;

		Opener(String associatedData, boolean clearAllowed) {
			this.associatedData = associatedData;
			this.clearAllowed = clearAllowed;
		}

		List<DataBuffer> feed(DataBuffer in) {
			if (this.clear) {
				return List.of(in);
			}
			List<DataBuffer> out = new ArrayList<>(2);
			try {
				while (this.pending == null && this.headerFilled < this.headerBytes && in.readableByteCount() > 0) {
					int n = Math.min(in.readableByteCount(), this.headerBytes - this.headerFilled);
					in.read(this.header, this.headerFilled, n);
					this.headerFilled += n;
					if (this.headerFilled >= MAGIC.length && !startsWithMagic()) {
						refuseClear();
						// Stored in clear before encryption: passed on as it is.
						this.clear = true;
						out.add(wrap(Arrays.copyOf(this.header, this.headerFilled)));
						if (in.readableByteCount() > 0) {
							byte[] rest = new byte[in.readableByteCount()];
							in.read(rest);
							out.add(wrap(rest));
						}
						return out;
					}
					growHeader();
				}
				if (this.pending == null) {
					if (this.headerFilled < this.headerBytes) {
						return out;
					}
					start();
				}
				while (in.readableByteCount() > 0) {
					if (this.filled == this.pending.length) {
						out.add(wrap(open(false)));
					}
					int n = Math.min(in.readableByteCount(), this.pending.length - this.filled);
					in.read(this.pending, this.filled, n);
					this.filled += n;
				}
				return out;
			}
			finally {
				DataBufferUtils.release(in);
			}
		}

		List<DataBuffer> finish() {
			if (this.clear) {
				return List.of();
			}
			if (this.pending == null) {
				if (this.headerFilled < MAGIC.length || !startsWithMagic()) {
					refuseClear();
					// A clear file shorter than the marker.
					return (this.headerFilled > 0) ? List.of(wrap(Arrays.copyOf(this.header, this.headerFilled)))
							: List.of();
				}
				throw new IllegalStateException("An encrypted file is cut off in its header");
			}
			return List.of(wrap(open(true)));
		}

		private void refuseClear() {
			if (!this.clearAllowed) {
				throw new IllegalStateException(
						"An encrypted file does not start with its header (altered or replaced)");
			}
		}

		private boolean startsWithMagic() {
			return isEncrypted(Arrays.copyOf(this.header, MAGIC.length));
		}

		/** A header naming its key is longer by the id's length byte and the id. */
		private void growHeader() {
			if (this.headerFilled < MAGIC.length || this.header[MAGIC.length - 1] != KEYED_MAGIC[MAGIC.length - 1]) {
				return;
			}
			if (this.headerBytes == HEADER_BYTES) {
				this.headerBytes = HEADER_BYTES + 1;
			}
			else if (this.headerBytes == HEADER_BYTES + 1 && this.headerFilled == HEADER_BYTES + 1) {
				int length = this.header[HEADER_BYTES] & 0xff;
				if (length < 1 || length > MAX_KEY_ID_BYTES) {
					throw new IllegalStateException("An encrypted file has a damaged header");
				}
				this.headerBytes = HEADER_BYTES + 1 + length;
			}
		}

		private void start() {
			ByteBuffer header = ByteBuffer.wrap(this.header, MAGIC.length, HEADER_BYTES - MAGIC.length);
			int segment = header.getInt();
			if (segment < 1 || segment > MAX_SEGMENT_BYTES) {
				throw new IllegalStateException("An encrypted file has a damaged header");
			}
			byte[] salt = new byte[SALT_BYTES];
			header.get(salt);
			this.prefix = new byte[PREFIX_BYTES];
			header.get(this.prefix);
			Keyring keyring = AesGcmStreamCipher.this.keyring;
			String id = keyId(Arrays.copyOf(this.header, this.headerBytes));
			this.key = fileKey((id != null) ? keyring.key(id) : keyring.legacyKey(), salt);
			this.aad = aad(Arrays.copyOf(this.header, this.headerBytes), this.associatedData);
			this.pending = new byte[segment + TAG_BYTES];
		}

		private byte[] open(boolean last) {
			if (this.filled < TAG_BYTES) {
				throw new IllegalStateException("An encrypted file is cut off");
			}
			try {
				Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
				cipher.init(Cipher.DECRYPT_MODE, this.key,
						new GCMParameterSpec(TAG_BYTES * 8, nonce(this.prefix, this.index++, last)));
				cipher.updateAAD(this.aad);
				byte[] plain = cipher.doFinal(this.pending, 0, this.filled);
				this.filled = 0;
				return plain;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(
						"An encrypted file does not decrypt (wrong key for its key id, another record, or altered)",
						ex);
			}
		}

	}

}

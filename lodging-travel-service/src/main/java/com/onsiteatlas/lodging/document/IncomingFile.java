package com.onsiteatlas.lodging.document;

import java.util.Arrays;
import java.util.List;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;

import com.onsiteatlas.support.web.ApiException;

/**
 * One uploaded file on its way to storage, fed buffer by buffer: counts its bytes against
 * the size limit (413), recognises its type from the first bytes (415 when none of PDF,
 * JPEG, PNG) before any ciphertext is let through, and seals it segment by segment. Not
 * thread-safe: one stream feeds it in order.
 */
final class IncomingFile {

	private static final int HEAD = 8;

	private final StreamingEncryption.Sealer sealer;

	private final long maxSize;

	private final byte[] head = new byte[HEAD];

	private int headLength;

	private long size;

	private FileKind kind;

	IncomingFile(StreamingEncryption.Sealer sealer, long maxSize) {
		this.sealer = sealer;
		this.maxSize = maxSize;
	}

	/**
	 * Takes the next buffer of the upload and releases it.
	 * @param buffer the bytes
	 * @return the ciphertext segments completed by it, in order
	 */
	List<byte[]> take(DataBuffer buffer) {
		byte[] bytes;
		try {
			bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
		this.size += bytes.length;
		if (this.size > this.maxSize) {
			throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE,
					"The file is larger than the limit of " + Sizes.human(this.maxSize));
		}
		if (this.headLength < HEAD) {
			int n = Math.min(HEAD - this.headLength, bytes.length);
			System.arraycopy(bytes, 0, this.head, this.headLength, n);
			this.headLength += n;
		}
		List<byte[]> sealed = this.sealer.update(bytes, 0, bytes.length);
		if (!sealed.isEmpty()) {
			recognise();
		}
		return sealed;
	}

	/**
	 * Ends the upload.
	 * @return the last ciphertext segment
	 */
	byte[] finish() {
		if (this.size == 0) {
			throw ApiException.badRequest("The file is empty");
		}
		recognise();
		return this.sealer.finish();
	}

	private void recognise() {
		if (this.kind == null) {
			this.kind = FileKind.detect(Arrays.copyOf(this.head, this.headLength));
			if (this.kind == null) {
				throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
						"Only PDF, JPEG and PNG files are accepted; this file's content is none of them");
			}
		}
	}

	/** The recognised type, once the upload has ended. */
	FileKind kind() {
		return this.kind;
	}

	/** The plaintext bytes taken. */
	long size() {
		return this.size;
	}

}

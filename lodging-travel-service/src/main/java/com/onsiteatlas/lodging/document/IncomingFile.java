package com.onsiteatlas.lodging.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;

import com.onsiteatlas.support.crypto.AesGcmStreamCipher;
import com.onsiteatlas.support.web.ApiException;

/**
 * One uploaded file on its way to storage, fed buffer by buffer: counts its bytes against
 * the size limit (413), recognises its type from the first bytes (415 when none of PDF,
 * JPEG, PNG) before any byte reaches the cipher, so nothing is let through for a refused
 * file, and seals it with service-support's {@link AesGcmStreamCipher} segment by
 * segment. Not thread-safe: one stream feeds it in order, once.
 */
final class IncomingFile {

	private static final int HEAD = 8;

	private final AesGcmStreamCipher cipher;

	private final String associatedData;

	private final long maxSize;

	private final byte[] head = new byte[HEAD];

	private int headLength;

	/** What came before the type was recognised: at most the first few bytes. */
	private final List<DataBuffer> held = new ArrayList<>(1);

	private final byte[] header = new byte[AesGcmStreamCipher.HEADER_BYTES];

	private int headerLength;

	private long size;

	private FileKind kind;

	IncomingFile(AesGcmStreamCipher cipher, String associatedData, long maxSize) {
		this.cipher = cipher;
		this.associatedData = associatedData;
		this.maxSize = maxSize;
	}

	/**
	 * Checks and encrypts an upload as it streams.
	 * @param upload the file's bytes (each buffer is released once read)
	 * @return the encrypted file; an error before the first byte when the type is not
	 * accepted, and a 413 as soon as the limit is passed
	 */
	Flux<DataBuffer> seal(Flux<DataBuffer> upload) {
		Flux<DataBuffer> checked = upload.concatMapIterable(this::take)
			.concatWith(Flux.defer(() -> Flux.fromIterable(finish())));
		return this.cipher.encrypt(checked, this.associatedData).doOnNext(this::keepHeader);
	}

	private List<DataBuffer> take(DataBuffer buffer) {
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
		this.held.add(DefaultDataBufferFactory.sharedInstance.wrap(bytes));
		if (this.headLength < HEAD) {
			return List.of();
		}
		recognise();
		return release();
	}

	private List<DataBuffer> finish() {
		if (this.size == 0) {
			throw ApiException.badRequest("The file is empty");
		}
		recognise();
		return release();
	}

	private List<DataBuffer> release() {
		List<DataBuffer> out = List.copyOf(this.held);
		this.held.clear();
		return out;
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

	private void keepHeader(DataBuffer sealed) {
		int n = Math.min(this.header.length - this.headerLength, sealed.readableByteCount());
		for (int i = 0; i < n; i++) {
			this.header[this.headerLength++] = sealed.getByte(sealed.readPosition() + i);
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

	/** The nonce prefix of the stored file's header, once the upload has ended. */
	byte[] noncePrefix() {
		return AesGcmStreamCipher.noncePrefix(this.header);
	}

}

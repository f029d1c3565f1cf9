package com.onsiteatlas.lodging.document;

import java.util.Arrays;
import java.util.Base64;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import com.onsiteatlas.support.crypto.AesGcmStreamCipher;

/**
 * Binds a stored format 2 file to its GridFS metadata: the nonce prefix in the file's
 * header must be the one recorded as {@code iv}. The associated data binds a file to its
 * record only, so without this the stored bytes of two documents of one record could be
 * swapped in the database and both would still decrypt. Checked before any byte reaches
 * the cipher, so nothing of a swapped file is decrypted.
 */
final class StoredHeaderCheck {

	private StoredHeaderCheck() {
	}

	/**
	 * The stored bytes, failing when their header does not carry the recorded prefix.
	 * @param stored the stored bytes
	 * @param iv the metadata's {@code iv}, base64 of the nonce prefix
	 * @return the same bytes, or an error before the first buffer past the header
	 */
	static Flux<DataBuffer> matching(Flux<DataBuffer> stored, String iv) {
		byte[] expected = (iv != null) ? Base64.getDecoder().decode(iv) : new byte[0];
		return Flux.defer(() -> {
			byte[] header = new byte[AesGcmStreamCipher.HEADER_BYTES];
			int[] filled = { 0 };
			return stored.doOnNext((buffer) -> {
				if (filled[0] == header.length) {
					return;
				}
				int n = Math.min(header.length - filled[0], buffer.readableByteCount());
				for (int i = 0; i < n; i++) {
					header[filled[0]++] = buffer.getByte(buffer.readPosition() + i);
				}
				if (filled[0] == header.length && !(AesGcmStreamCipher.isEncrypted(header)
						&& Arrays.equals(AesGcmStreamCipher.noncePrefix(header), expected))) {
					DataBufferUtils.release(buffer);
					throw new IllegalStateException("A stored document's header does not match its metadata");
				}
			});
		});
	}

}

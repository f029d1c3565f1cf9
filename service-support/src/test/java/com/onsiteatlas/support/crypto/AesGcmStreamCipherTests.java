package com.onsiteatlas.support.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AesGcmStreamCipherTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String OTHER_KEY = Base64.getEncoder().encodeToString(filled(32, (byte) 7));

	private final Random random = new Random(42);

	/** A small segment, so that files of a few bytes span many segments. */
	private final AesGcmStreamCipher cipher = new AesGcmStreamCipher(KEY, 16);

	@Test
	void decryptsWhatItEncryptedAtEverySizeAroundTheSegmentsAndForAnySplitOfTheBuffers() {
		for (int size : new int[] { 0, 1, 15, 16, 17, 31, 32, 33, 100, 1000 }) {
			byte[] clear = bytes(size);
			byte[] sealed = join(this.cipher.encrypt(chunks(clear, 1 + this.random.nextInt(40)), "export:1"));
			assertThat(AesGcmStreamCipher.isEncrypted(sealed)).isTrue();
			// Header (35 bytes), then per segment of 16 bytes a 16-byte tag, one segment
			// at least.
			int segments = Math.max(1, (size + 15) / 16);
			assertThat(sealed).hasSize(35 + size + 16 * segments);
			for (int split : new int[] { 1, 7, 35, 36, 1024 }) {
				assertThat(join(this.cipher.decrypt(chunks(sealed, split), "export:1")))
					.as("size %d split %d", size, split)
					.isEqualTo(clear);
			}
		}
	}

	@Test
	void theStoredBytesAreNotTheClearOnes() {
		byte[] clear = "Registration ID,First name\r\nREG-0001,Ada\r\n".getBytes(StandardCharsets.UTF_8);
		byte[] sealed = join(new AesGcmStreamCipher(KEY).encrypt(chunks(clear, 8), "export:1"));
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("REG-0001")
			.doesNotContain("Registration");
		// A random salt and prefix per file: the same file twice is two different
		// ciphertexts.
		assertThat(join(new AesGcmStreamCipher(KEY).encrypt(chunks(clear, 8), "export:1"))).isNotEqualTo(sealed);
	}

	@Test
	void passesFilesStoredInClearThroughUnchanged() {
		List<byte[]> clearFiles = List.of("Registration ID\r\nREG-1\r\n".getBytes(StandardCharsets.UTF_8),
				"\uFEFFName\r\n".getBytes(StandardCharsets.UTF_8),
				"PK\u0003\u0004xlsx".getBytes(StandardCharsets.UTF_8), "%PDF-1.7".getBytes(StandardCharsets.UTF_8),
				"a".getBytes(StandardCharsets.UTF_8), new byte[0], bytes(5000));
		for (byte[] clear : clearFiles) {
			assertThat(AesGcmStreamCipher.isEncrypted(clear)).isFalse();
			for (int split : new int[] { 1, 3, 64 }) {
				assertThat(join(this.cipher.decrypt(chunks(clear, split), "export:1"))).isEqualTo(clear);
			}
		}
	}

	@Test
	void refusesAnotherRecordAnotherKeyAndAlteredFiles() {
		byte[] clear = bytes(100);
		byte[] sealed = join(this.cipher.encrypt(chunks(clear, 10), "export:1"));
		assertThatIllegalStateException().isThrownBy(() -> join(this.cipher.decrypt(chunks(sealed, 10), "export:2")));
		assertThatIllegalStateException()
			.isThrownBy(() -> join(new AesGcmStreamCipher(OTHER_KEY, 16).decrypt(chunks(sealed, 10), "export:1")));
		byte[] flipped = sealed.clone();
		flipped[60] ^= 1;
		assertThatIllegalStateException().isThrownBy(() -> join(this.cipher.decrypt(chunks(flipped, 10), "export:1")));
		// Header tampering (the segment size) is caught by the first segment's tag.
		byte[] header = sealed.clone();
		header[11] = 32;
		assertThatIllegalStateException().isThrownBy(() -> join(this.cipher.decrypt(chunks(header, 10), "export:1")));
	}

	@Test
	void refusesAFileCutOffOrReorderedAtASegmentBoundary() {
		byte[] clear = bytes(64);
		byte[] sealed = join(this.cipher.encrypt(chunks(clear, 64), "export:1"));
		// 35-byte header, then four segments of 32 bytes.
		byte[] cut = Arrays.copyOf(sealed, 35 + 3 * 32);
		assertThatIllegalStateException().isThrownBy(() -> join(this.cipher.decrypt(chunks(cut, 16), "export:1")));
		byte[] swapped = sealed.clone();
		System.arraycopy(sealed, 35, swapped, 35 + 32, 32);
		System.arraycopy(sealed, 35 + 32, swapped, 35, 32);
		assertThatIllegalStateException().isThrownBy(() -> join(this.cipher.decrypt(chunks(swapped, 16), "export:1")));
		byte[] headerOnly = Arrays.copyOf(sealed, 20);
		assertThatIllegalStateException()
			.isThrownBy(() -> join(this.cipher.decrypt(chunks(headerOnly, 16), "export:1")));
	}

	@Test
	void strictDecryptionRefusesFilesWithoutTheHeaderThatTheLenientOnePassesOn() {
		byte[] clear = bytes(100);
		byte[] sealed = join(this.cipher.encrypt(chunks(clear, 10), "record:1"));
		for (int split : new int[] { 1, 7, 1024 }) {
			assertThat(join(this.cipher.decryptStrict(chunks(sealed, split), "record:1"))).isEqualTo(clear);
		}
		byte[] marker = sealed.clone();
		marker[1] ^= 1;
		assertThat(join(this.cipher.decrypt(chunks(marker, 10), "record:1"))).isEqualTo(marker);
		assertThatIllegalStateException()
			.isThrownBy(() -> join(this.cipher.decryptStrict(chunks(marker, 10), "record:1")));
		for (byte[] stored : List.of("%PDF-1.7 passport".getBytes(StandardCharsets.US_ASCII),
				new byte[] { (byte) 0x89 }, new byte[0], Arrays.copyOf(sealed, 20))) {
			assertThatIllegalStateException()
				.isThrownBy(() -> join(this.cipher.decryptStrict(chunks(stored, 3), "record:1")));
		}
		assertThatIllegalStateException()
			.isThrownBy(() -> join(this.cipher.decryptStrict(chunks(sealed, 10), "record:2")));
	}

	@Test
	void takesTheSegmentSizeFromTheHeaderAndRefusesOneOutOfRange() {
		byte[] clear = bytes(1000);
		byte[] sealed = join(new AesGcmStreamCipher(KEY, 64).encrypt(chunks(clear, 100), "record:1"));
		assertThat(sealed).hasSize(35 + 1000 + 16 * 16);
		assertThat(join(new AesGcmStreamCipher(KEY).decryptStrict(chunks(sealed, 333), "record:1"))).isEqualTo(clear);
		assertThatIllegalArgumentException().isThrownBy(() -> new AesGcmStreamCipher(KEY, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new AesGcmStreamCipher(KEY, 16 * 1024 * 1024 + 1));
	}

	@Test
	void tellsTheNoncePrefixOfAFileFromItsHeader() {
		byte[] first = join(this.cipher.encrypt(chunks(bytes(40), 8), "record:1"));
		byte[] second = join(this.cipher.encrypt(chunks(bytes(40), 8), "record:1"));
		byte[] prefix = AesGcmStreamCipher.noncePrefix(Arrays.copyOf(first, AesGcmStreamCipher.HEADER_BYTES));
		assertThat(prefix).hasSize(7).isEqualTo(Arrays.copyOfRange(first, 28, 35));
		assertThat(AesGcmStreamCipher.noncePrefix(second)).isNotEqualTo(prefix);
		assertThatIllegalArgumentException().isThrownBy(() -> AesGcmStreamCipher.noncePrefix(Arrays.copyOf(first, 34)));
		assertThatIllegalArgumentException().isThrownBy(() -> AesGcmStreamCipher
			.noncePrefix("%PDF-1.7 and more than thirty-five bytes".getBytes(StandardCharsets.US_ASCII)));
	}

	@Test
	void releasesTheBuffersItReads() {
		NettyDataBufferFactory factory = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);
		List<NettyDataBuffer> read = new ArrayList<>();
		byte[] clear = bytes(300);
		Flux<DataBuffer> source = chunks(clear, 50).map((buffer) -> {
			NettyDataBuffer counted = factory.allocateBuffer(buffer.readableByteCount());
			counted.write(buffer);
			read.add(counted);
			return counted;
		});
		byte[] sealed = join(this.cipher.encrypt(source, "x"));
		assertThat(read).hasSize(6).allSatisfy((buffer) -> assertThat(buffer.getNativeBuffer().refCnt()).isZero());
		read.clear();
		Flux<DataBuffer> stored = chunks(sealed, 50).map((buffer) -> {
			NettyDataBuffer counted = factory.allocateBuffer(buffer.readableByteCount());
			counted.write(buffer);
			read.add(counted);
			return counted;
		});
		assertThat(join(this.cipher.decrypt(stored, "x"))).isEqualTo(clear);
		assertThat(read).isNotEmpty().allSatisfy((buffer) -> assertThat(buffer.getNativeBuffer().refCnt()).isZero());
	}

	private byte[] bytes(int size) {
		byte[] bytes = new byte[size];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] filled(int size, byte value) {
		byte[] bytes = new byte[size];
		Arrays.fill(bytes, value);
		return bytes;
	}

	private static Flux<DataBuffer> chunks(byte[] bytes, int size) {
		List<DataBuffer> buffers = new ArrayList<>();
		for (int at = 0; at < bytes.length; at += size) {
			buffers.add(DefaultDataBufferFactory.sharedInstance
				.wrap(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + size))));
		}
		return Flux.fromIterable(buffers);
	}

	private static byte[] join(Flux<DataBuffer> buffers) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		buffers.doOnNext((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			out.writeBytes(bytes);
		}).blockLast();
		return out.toByteArray();
	}

}

package com.onsiteatlas.lodging.document;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;

import com.onsiteatlas.support.crypto.AesGcmStreamCipher;
import com.onsiteatlas.support.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;

class IncomingFileTests {

	private static final int SEGMENT = 64;

	private static final String RECORD = "event/travel-document/1";

	private final AesGcmStreamCipher cipher = new AesGcmStreamCipher("ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=",
			SEGMENT);

	@Test
	void recognisesThePngSignatureSplitOverBuffersAndCountsTheSize() {
		byte[] png = Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, 500);
		IncomingFile file = incoming(1000);
		byte[] sealed = join(file.seal(Flux.just(buffer(png, 0, 3), buffer(png, 3, 497))));
		assertThat(file.kind()).isEqualTo(FileKind.PNG);
		assertThat(file.size()).isEqualTo(500);
		// The header, then eight segments of at most 64 bytes, each with its 16-byte tag.
		assertThat(sealed).hasSize(AesGcmStreamCipher.HEADER_BYTES + 500 + 8 * 16);
		assertThat(file.noncePrefix()).isEqualTo(AesGcmStreamCipher.noncePrefix(sealed));
		assertThat(join(this.cipher.decryptStrict(Flux.just(buffer(sealed, 0, sealed.length)), RECORD))).isEqualTo(png);
	}

	@Test
	void refusesAnUnknownTypeBeforeAnyCiphertextLeaves() {
		byte[] exe = Arrays.copyOf("MZ executable".getBytes(StandardCharsets.US_ASCII), 200);
		StepVerifier
			.create(incoming(1000).seal(
					Flux.just(buffer(exe, 0, 3), buffer(exe, 3, SEGMENT), buffer(exe, 3 + SEGMENT, 200 - 3 - SEGMENT))))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ApiException.class,
					(api) -> assertThat(api.getStatus()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)))
			.verify();
	}

	@Test
	void refusesAFileLargerThanTheLimitAndAnEmptyOne() {
		byte[] pdf = Arrays.copyOf("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 300);
		StepVerifier.create(incoming(256).seal(Flux.just(buffer(pdf, 0, 200), buffer(pdf, 200, 100))))
			.thenConsumeWhile((sealed) -> true)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ApiException.class,
					(api) -> assertThat(api.getStatus()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)))
			.verify();
		StepVerifier.create(incoming(256).seal(Flux.empty()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ApiException.class,
					(api) -> assertThat(api.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST)))
			.verify();
	}

	private IncomingFile incoming(long maxSize) {
		return new IncomingFile(this.cipher, RECORD, maxSize);
	}

	private static DataBuffer buffer(byte[] bytes, int offset, int length) {
		return DefaultDataBufferFactory.sharedInstance.wrap(Arrays.copyOfRange(bytes, offset, offset + length));
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

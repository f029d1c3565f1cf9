package com.onsiteatlas.lodging.document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;

import com.onsiteatlas.support.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncomingFileTests {

	private static final int SEGMENT = 64;

	private final StreamingEncryption streaming = new Encryption("ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=")
		.streaming(SEGMENT);

	@Test
	void recognisesThePngSignatureSplitOverBuffersAndCountsTheSize() {
		byte[] png = Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, 500);
		IncomingFile file = incoming(1000);
		List<byte[]> sealed = new ArrayList<>();
		sealed.addAll(file.take(buffer(png, 0, 3)));
		sealed.addAll(file.take(buffer(png, 3, 497)));
		sealed.add(file.finish());
		assertThat(file.kind()).isEqualTo(FileKind.PNG);
		assertThat(file.size()).isEqualTo(500);
		assertThat(sealed).hasSize(8);
	}

	@Test
	void refusesAnUnknownTypeBeforeAnyCiphertextLeaves() {
		byte[] exe = Arrays.copyOf("MZ executable".getBytes(StandardCharsets.US_ASCII), 200);
		IncomingFile file = incoming(1000);
		assertThat(file.take(buffer(exe, 0, SEGMENT))).isEmpty();
		assertThatThrownBy(() -> file.take(buffer(exe, SEGMENT, 100))).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.getStatus()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
	}

	@Test
	void refusesAFileLargerThanTheLimitAndAnEmptyOne() {
		byte[] pdf = Arrays.copyOf("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 300);
		IncomingFile large = incoming(256);
		large.take(buffer(pdf, 0, 200));
		assertThatThrownBy(() -> large.take(buffer(pdf, 200, 100))).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.getStatus()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE));
		assertThatThrownBy(() -> incoming(256).finish()).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST));
	}

	private IncomingFile incoming(long maxSize) {
		return new IncomingFile(this.streaming.sealer(this.streaming.newHeader(), "event/travel-document/1"), maxSize);
	}

	private static org.springframework.core.io.buffer.DataBuffer buffer(byte[] bytes, int offset, int length) {
		return DefaultDataBufferFactory.sharedInstance.wrap(Arrays.copyOfRange(bytes, offset, offset + length));
	}

}

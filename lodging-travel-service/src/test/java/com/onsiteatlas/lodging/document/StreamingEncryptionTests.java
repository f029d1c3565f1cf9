package com.onsiteatlas.lodging.document;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamingEncryptionTests {

	private static final int SEGMENT = 64;

	private static final String RECORD = "event-1/travel-document/travel-1";

	private final Encryption encryption = new Encryption("ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=");

	private final StreamingEncryption streaming = this.encryption.streaming(SEGMENT);

	@ParameterizedTest
	@ValueSource(ints = { 1, 63, 64, 65, 128, 129, 1000, 4096 })
	void decryptsWhatItEncryptsWhateverTheSizeAndTheBufferCuts(int size) {
		byte[] plain = random(size, size);
		StreamingEncryption.Header header = this.streaming.newHeader();
		for (int cut : new int[] { 1, 7, 64, 100, 5000 }) {
			List<byte[]> sealed = seal(header, plain, cut);
			byte[] stored = concat(sealed);
			assertThat(stored).hasSize(size + 16 * sealed.size());
			assertThat(open(header, stored, RECORD, 13)).isEqualTo(plain);
			assertThat(open(header, stored, RECORD, stored.length)).isEqualTo(plain);
		}
	}

	@Test
	void sealsEverySegmentSeparatelyAndHidesThePlaintext() {
		byte[] plain = "%PDF-1.7 passport number Z1234567 ".repeat(10).getBytes(StandardCharsets.US_ASCII);
		StreamingEncryption.Header header = this.streaming.newHeader();
		List<byte[]> sealed = seal(header, plain, 50);
		assertThat(sealed).hasSize((plain.length + SEGMENT - 1) / SEGMENT);
		assertThat(new String(concat(sealed), StandardCharsets.ISO_8859_1)).doesNotContain("Z1234567")
			.doesNotContain("%PDF");
	}

	@Test
	void twoFilesWithTheSameContentLookDifferent() {
		byte[] plain = random(300, 1);
		byte[] first = concat(seal(this.streaming.newHeader(), plain, 300));
		byte[] second = concat(seal(this.streaming.newHeader(), plain, 300));
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void refusesAChangedByte() {
		StreamingEncryption.Header header = this.streaming.newHeader();
		byte[] stored = concat(seal(header, random(200, 2), 200));
		stored[70] ^= 1;
		assertThatThrownBy(() -> open(header, stored, RECORD, 1000))
			.isInstanceOf(StreamingEncryption.TamperedDocumentException.class);
	}

	@Test
	void refusesATruncationAtASegmentBoundary() {
		StreamingEncryption.Header header = this.streaming.newHeader();
		byte[] stored = concat(seal(header, random(200, 3), 200));
		byte[] cut = Arrays.copyOf(stored, 2 * (SEGMENT + 16));
		assertThatThrownBy(() -> open(header, cut, RECORD, 1000))
			.isInstanceOf(StreamingEncryption.TamperedDocumentException.class);
		assertThatThrownBy(() -> open(header, new byte[0], RECORD, 1000))
			.isInstanceOf(StreamingEncryption.TamperedDocumentException.class);
	}

	@Test
	void refusesSwappedSegments() {
		StreamingEncryption.Header header = this.streaming.newHeader();
		List<byte[]> sealed = new ArrayList<>(seal(header, random(200, 4), 200));
		byte[] first = sealed.get(0);
		sealed.set(0, sealed.get(1));
		sealed.set(1, first);
		assertThatThrownBy(() -> open(header, concat(sealed), RECORD, 1000))
			.isInstanceOf(StreamingEncryption.TamperedDocumentException.class);
	}

	@Test
	void refusesAFileMovedOntoAnotherRecordOrReadWithAnotherHeader() {
		StreamingEncryption.Header header = this.streaming.newHeader();
		byte[] plain = random(100, 5);
		byte[] stored = concat(seal(header, plain, 100));
		assertThatThrownBy(() -> open(header, stored, "event-1/travel-document/travel-2", 1000))
			.isInstanceOf(StreamingEncryption.TamperedDocumentException.class);
		assertThatThrownBy(() -> open(this.streaming.newHeader(), stored, RECORD, 1000))
			.isInstanceOf(StreamingEncryption.TamperedDocumentException.class);
		assertThat(open(header, stored, RECORD, 1000)).isEqualTo(plain);
	}

	@Test
	void theWholeFileFormatStoredBeforeStreamingStillDecrypts() {
		byte[] plain = random(500, 6);
		byte[] iv = this.encryption.newIv();
		byte[] stored = this.encryption.encrypt(plain, iv, RECORD);
		assertThat(this.encryption.decrypt(stored, iv, RECORD)).isEqualTo(plain);
	}

	private List<byte[]> seal(StreamingEncryption.Header header, byte[] plain, int cut) {
		StreamingEncryption.Sealer sealer = this.streaming.sealer(header, RECORD);
		List<byte[]> out = new ArrayList<>();
		for (int at = 0; at < plain.length; at += cut) {
			out.addAll(sealer.update(plain, at, Math.min(cut, plain.length - at)));
		}
		out.add(sealer.finish());
		return out;
	}

	private byte[] open(StreamingEncryption.Header header, byte[] stored, String record, int cut) {
		StreamingEncryption.Opener opener = this.streaming.opener(header, record);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int at = 0; at < stored.length; at += cut) {
			opener.update(stored, at, Math.min(cut, stored.length - at)).forEach(out::writeBytes);
		}
		out.writeBytes(opener.finish());
		return out.toByteArray();
	}

	private static byte[] concat(List<byte[]> parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		parts.forEach(out::writeBytes);
		return out.toByteArray();
	}

	private static byte[] random(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

}

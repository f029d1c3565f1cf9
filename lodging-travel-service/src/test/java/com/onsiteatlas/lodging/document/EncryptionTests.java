package com.onsiteatlas.lodging.document;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Format 1, the whole-file format of documents stored before streaming. Format 2 is
 * service-support's {@code AesGcmStreamCipher}, tested there.
 */
class EncryptionTests {

	private static final String RECORD = "event-1/travel-document/travel-1";

	private final Encryption encryption = new Encryption("ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=");

	@Test
	void theWholeFileFormatStoredBeforeStreamingStillDecrypts() {
		byte[] plain = new byte[500];
		new Random(6).nextBytes(plain);
		byte[] iv = this.encryption.newIv();
		byte[] stored = this.encryption.encrypt(plain, iv, RECORD);
		assertThat(this.encryption.decrypt(stored, iv, RECORD)).isEqualTo(plain);
		assertThatIllegalStateException()
			.isThrownBy(() -> this.encryption.decrypt(stored, iv, "event-1/travel-document/travel-2"));
	}

}

package com.onsiteatlas.notification.template;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageLengthTests {

	@Test
	void countsGsm7MessagesIn160And153CharacterParts() {
		assertThat(MessageLength.of("a".repeat(160))).isEqualTo(new MessageLength(160, "GSM-7", 1));
		assertThat(MessageLength.of("a".repeat(161))).isEqualTo(new MessageLength(161, "GSM-7", 2));
		assertThat(MessageLength.of("a".repeat(306)).segments()).isEqualTo(2);
		assertThat(MessageLength.of("a".repeat(307)).segments()).isEqualTo(3);
	}

	@Test
	void countsExtensionCharactersTwice() {
		assertThat(MessageLength.of("€".repeat(80))).isEqualTo(new MessageLength(160, "GSM-7", 1));
		assertThat(MessageLength.of("€".repeat(81)).segments()).isEqualTo(2);
	}

	@Test
	void switchesToUcs2ForOtherCharacters() {
		assertThat(MessageLength.of("नमस्ते Priya")).extracting(MessageLength::encoding).isEqualTo("UCS-2");
		assertThat(MessageLength.of("ü".repeat(10) + "ह".repeat(60)).segments()).isEqualTo(1);
		assertThat(MessageLength.of("ह".repeat(71)).segments()).isEqualTo(2);
	}

}

package com.onsiteatlas.gateway.correlation;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdsTests {

	@ParameterizedTest
	@ValueSource(strings = { "abcdefgh", "A1_b2-C3", "0123456789012345678901234567890123456789012345678901234567890123",
			"6f1c2a80-1d2e-4c6b-9a77-0f5b0c1d2e3f" })
	void keepsIdsOf8To64SafeCharacters(String id) {
		assertThat(CorrelationIds.acceptOrGenerate(id)).isEqualTo(id);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "abcdefg", "01234567890123456789012345678901234567890123456789012345678901234",
			"has space1", "new\nline123", "semi;colon", "ünïcödé-id" })
	void replacesAnythingElseWithARandomUuid(String id) {
		String replaced = CorrelationIds.acceptOrGenerate(id);
		assertThat(replaced).isNotEqualTo(id);
		assertThat(UUID.fromString(replaced)).isNotNull();
	}

}

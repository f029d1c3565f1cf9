package com.onsiteatlas.domainevents.abstracts;

import com.onsiteatlas.domainevents.EventCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AbstractStatusTests {

	@ParameterizedTest
	@EnumSource(AbstractStatus.class)
	void readsEveryModelValueAsItself(AbstractStatus status) {
		assertThat(AbstractStatus.normalise(status.value())).isSameAs(status);
	}

	@ParameterizedTest
	@CsvSource({ "under_review, UNDER_REVIEW", "revision_requested, REVISION_REQUESTED",
			"revised, REVISED_PENDING_REVIEW", "'Under Review', UNDER_REVIEW", "'  APPROVED ', APPROVED",
			"Revised_Pending_Review, REVISED_PENDING_REVIEW", "REVISION-REQUESTED, REVISION_REQUESTED" })
	void readsLegacyAndLooselyWrittenSpellings(String raw, AbstractStatus expected) {
		assertThat(AbstractStatus.normalise(raw)).isEqualTo(expected);
	}

	@Test
	void rejectsAnUnknownStatusListingTheValidOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> AbstractStatus.normalise("teleported"))
			.withMessageContaining("'teleported'")
			.withMessageContaining("under-review")
			.withMessageContaining("revised-pending-review");
	}

	@Test
	void readsNullAsNull() {
		assertThat(AbstractStatus.normalise(null)).isNull();
	}

	@Test
	void writesTheHyphenatedModelValue() throws Exception {
		assertThat(new EventCodec().mapper().writeValueAsString(AbstractStatus.REVISION_REQUESTED))
			.isEqualTo("\"revision-requested\"");
	}

	@Test
	void jsonReadingNormalisesLegacySpellings() throws Exception {
		assertThat(new EventCodec().mapper().readValue("\"under_review\"", AbstractStatus.class))
			.isEqualTo(AbstractStatus.UNDER_REVIEW);
	}

}

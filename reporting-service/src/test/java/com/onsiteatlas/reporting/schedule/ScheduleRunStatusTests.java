package com.onsiteatlas.reporting.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule run status: its moves and its wire values.
 */
class ScheduleRunStatusTests {

	@Test
	void movesFromClaimedToDeliveredOrFailedWithOrWithoutAnExport() {
		assertThat(ScheduleRunStatus.CLAIMED.canBecome(ScheduleRunStatus.EXPORTING)).isTrue();
		assertThat(ScheduleRunStatus.CLAIMED.canBecome(ScheduleRunStatus.DELIVERED)).isTrue();
		assertThat(ScheduleRunStatus.EXPORTING.canBecome(ScheduleRunStatus.FAILED)).isTrue();
		assertThat(ScheduleRunStatus.EXPORTING.canBecome(ScheduleRunStatus.CLAIMED)).isFalse();
		assertThat(ScheduleRunStatus.DELIVERED.canBecome(ScheduleRunStatus.FAILED)).isFalse();
		assertThat(ScheduleRunStatus.openValues()).containsExactly("claimed", "exporting");
		assertThat(ScheduleRunStatus.valuesThatCanBecome(ScheduleRunStatus.DELIVERED)).containsExactly("claimed",
				"exporting");
		assertThat(ScheduleRunStatus.valuesThatCanBecome(ScheduleRunStatus.EXPORTING)).containsExactly("claimed");
	}

	@Test
	void writesAndReadsTheLowerCaseWireValues() throws Exception {
		ObjectMapper json = new ObjectMapper();
		assertThat(json.writeValueAsString(ScheduleRunStatus.EXPORTING)).isEqualTo("\"exporting\"");
		assertThat(json.readValue("\"delivered\"", ScheduleRunStatus.class)).isEqualTo(ScheduleRunStatus.DELIVERED);
	}

}

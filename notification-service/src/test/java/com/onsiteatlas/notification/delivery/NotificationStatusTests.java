package com.onsiteatlas.notification.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NotificationStatusTests {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void keepsTheLowerCaseWireValues() throws Exception {
		assertThat(NotificationStatus.list()).isEqualTo("pending, sent, failed, skipped, cancelled");
		assertThat(this.json.writeValueAsString(NotificationStatus.CANCELLED)).isEqualTo("\"cancelled\"");
		assertThat(this.json.readValue("\"skipped\"", NotificationStatus.class)).isEqualTo(NotificationStatus.SKIPPED);
		assertThatIllegalArgumentException().isThrownBy(() -> NotificationStatus.of("SENT"));
	}

	@Test
	void aPendingNotificationMayEndAnyWayAndOnlyAFailedOneMayBeResent() {
		assertThat(NotificationStatus.PENDING.canBecome(NotificationStatus.SENT)).isTrue();
		assertThat(NotificationStatus.PENDING.canBecome(NotificationStatus.FAILED)).isTrue();
		assertThat(NotificationStatus.PENDING.canBecome(NotificationStatus.SKIPPED)).isTrue();
		assertThat(NotificationStatus.PENDING.canBecome(NotificationStatus.CANCELLED)).isTrue();
		assertThat(NotificationStatus.FAILED.canBecome(NotificationStatus.PENDING)).isTrue();
		assertThat(NotificationStatus.FAILED.canBecome(NotificationStatus.SENT)).isFalse();
		assertThat(NotificationStatus.SENT.canBecome(NotificationStatus.PENDING)).isFalse();
		assertThat(NotificationStatus.SKIPPED.canBecome(NotificationStatus.PENDING)).isFalse();
		assertThat(NotificationStatus.CANCELLED.canBecome(NotificationStatus.PENDING)).isFalse();
		assertThat(NotificationStatus.thatCanBecome(NotificationStatus.PENDING)).containsExactly("failed");
		assertThat(NotificationStatus.thatCanBecome(NotificationStatus.CANCELLED)).containsExactly("pending");
	}

}

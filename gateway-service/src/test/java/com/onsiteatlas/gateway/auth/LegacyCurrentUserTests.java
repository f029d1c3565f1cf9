package com.onsiteatlas.gateway.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LegacyCurrentUserTests {

	private final ObjectMapper json = new ObjectMapper();

	@ParameterizedTest
	@ValueSource(strings = {
			"{\"success\":true,\"data\":{\"role\":\"manager\",\"name\":\"Dana\",\"email\":\"d@x.test\"}}",
			"{\"success\":true,\"data\":{\"user\":{\"role\":\"manager\",\"name\":\"Dana\",\"email\":\"d@x.test\"}}}",
			"{\"success\":true,\"user\":{\"role\":\"manager\",\"name\":\"Dana\",\"email\":\"d@x.test\"}}",
			"{\"role\":\"MANAGER\",\"name\":\"Dana\",\"email\":\"d@x.test\",\"isActive\":true}" })
	void readsTheRoleFromEachKnownResponseShape(String body) throws Exception {
		assertThat(LegacyCurrentUser.parse(this.json.readTree(body)))
			.isEqualTo(new StaffProfile("manager", true, "Dana", "d@x.test"));
	}

	@Test
	void prefersDataOverUserAndReportsInactiveUsers() throws Exception {
		StaffProfile profile = LegacyCurrentUser.parse(this.json.readTree(
				"{\"data\":{\"role\":\"staff\",\"isActive\":false},\"user\":{\"role\":\"admin\"},\"role\":\"admin\"}"));
		assertThat(profile.role()).isEqualTo("staff");
		assertThat(profile.active()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"success\":true,\"data\":{\"name\":\"x\"}}", "{\"data\":{\"role\":\"\"}}",
			"{\"data\":{\"role\":42}}", "[]", "\"admin\"" })
	void failsClosedWhenNoRoleIsFound(String body) {
		assertThatExceptionOfType(RoleLookupUnavailableException.class)
			.isThrownBy(() -> LegacyCurrentUser.parse(this.json.readTree(body)))
			.withMessage("Cannot verify your role right now");
	}

}

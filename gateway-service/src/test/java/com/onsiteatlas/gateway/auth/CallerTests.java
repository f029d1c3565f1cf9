package com.onsiteatlas.gateway.auth;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTests {

	@Test
	void classifiesEachOnsiteAtlasTokenShape() throws ParseException {
		assertThat(caller(Map.of("id", "u1"))).isEqualTo(new Caller("u1", CallerType.STAFF, null, null, null, null));
		assertThat(caller(Map.of("id", "u1", "role", "Admin")))
			.isEqualTo(new Caller("u1", CallerType.STAFF, null, null, null, null));
		assertThat(caller(Map.of("id", "r1", "type", "registrant", "eventId", "e1", "registrationId", "REG-0001")))
			.isEqualTo(new Caller("r1", CallerType.REGISTRANT, "registrant", "e1", null, null));
		assertThat(caller(Map.of("id", "s1", "eventId", "e1", "sponsorId", "SPN-X-001", "type", "sponsor")))
			.isEqualTo(new Caller("s1", CallerType.SPONSOR, "sponsor", "e1", null, null));
		assertThat(caller(Map.of("id", "c1", "type", "client", "event", "e2", "clientId", "OC-X-001", "name", "Acme")))
			.isEqualTo(new Caller("c1", CallerType.CLIENT, "client", "e2", "Acme", null));
		assertThat(caller(Map.of("id", "a1", "role", "author", "event", "e3")))
			.isEqualTo(new Caller("a1", CallerType.AUTHOR, "author", "e3", null, null));
	}

	@Test
	void everyStaffTokenNeedsALookupEvenWithARoleClaim() throws ParseException {
		assertThat(caller(Map.of("id", "u1")).needsRoleLookup()).isTrue();
		assertThat(caller(Map.of("id", "u1", "role", "staff")).needsRoleLookup()).isTrue();
		assertThat(caller(Map.of("id", "u1", "role", "admin")).needsRoleLookup()).isTrue();
		assertThat(caller(Map.of("id", "u1", "role", 7)).needsRoleLookup()).isTrue();
		assertThat(caller(Map.of("id", "r1", "type", "registrant")).needsRoleLookup()).isFalse();
	}

	@Test
	void takesRoleNameAndEmailFromTheLegacyProfile() throws ParseException {
		Caller completed = caller(Map.of("id", "u1"))
			.withStaffProfile(new StaffProfile("manager", true, "Dana", "dana@example.test"));
		assertThat(completed)
			.isEqualTo(new Caller("u1", CallerType.STAFF, "manager", null, "Dana", "dana@example.test"));
	}

	private static Caller caller(Map<String, Object> claims) throws ParseException {
		return Caller.fromClaims(JWTClaimsSet.parse(claims));
	}

}

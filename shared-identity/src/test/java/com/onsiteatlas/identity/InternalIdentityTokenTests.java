package com.onsiteatlas.identity;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InternalIdentityTokenTests {

	@Test
	void givesEveryNonStaffCallerARoleEqualToItsType() {
		assertThat(InternalIdentityToken.ROLES)
			.containsAll(InternalIdentityToken.TYPES.stream().filter((type) -> !type.equals("staff")).toList());
	}

	@Test
	void namesEveryClaimOnce() {
		List<String> claims = List.of(InternalIdentityToken.ISSUER_CLAIM, InternalIdentityToken.AUDIENCE_CLAIM,
				InternalIdentityToken.SUBJECT_CLAIM, InternalIdentityToken.ISSUED_AT_CLAIM,
				InternalIdentityToken.EXPIRES_AT_CLAIM, InternalIdentityToken.TOKEN_ID_CLAIM,
				InternalIdentityToken.TYPE_CLAIM, InternalIdentityToken.ROLE_CLAIM,
				InternalIdentityToken.EVENT_ID_CLAIM, InternalIdentityToken.NAME_CLAIM,
				InternalIdentityToken.EMAIL_CLAIM);
		assertThat(claims).doesNotHaveDuplicates();
	}

}

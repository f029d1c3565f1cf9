package com.onsiteatlas.gateway.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceAuthenticationFilterTests {

	@Test
	void readsTheBearerTokenLikeOnsiteAtlas() {
		assertThat(ServiceAuthenticationFilter.bearerToken("Bearer abc.def.ghi")).isEqualTo("abc.def.ghi");
		assertThat(ServiceAuthenticationFilter.bearerToken("bearer  abc.def.ghi ")).isEqualTo("abc.def.ghi");
		assertThat(ServiceAuthenticationFilter.bearerToken(null)).isNull();
		assertThat(ServiceAuthenticationFilter.bearerToken("Bearer")).isNull();
		assertThat(ServiceAuthenticationFilter.bearerToken("Bearer null")).isNull();
		assertThat(ServiceAuthenticationFilter.bearerToken("Bearer undefined")).isNull();
		assertThat(ServiceAuthenticationFilter.bearerToken("Basic dXNlcjpwYXNz")).isNull();
		assertThat(ServiceAuthenticationFilter.bearerToken("Bearerabc")).isNull();
	}

}

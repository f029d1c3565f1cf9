package com.onsiteatlas.support.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An authenticated request: the {@link AtlasPrincipal} from a verified gateway token,
 * with authorities {@code ROLE_<role>} (so {@code hasAnyRole('admin','manager')} works)
 * and {@code TYPE_<type>}.
 */
public class AtlasAuthentication extends AbstractAuthenticationToken {

	private final AtlasPrincipal principal;

	private final Jwt token;

	public AtlasAuthentication(AtlasPrincipal principal, Jwt token) {
		super(List.of(new SimpleGrantedAuthority("ROLE_" + principal.role()),
				new SimpleGrantedAuthority("TYPE_" + principal.type().name().toLowerCase())));
		this.principal = principal;
		this.token = token;
		setAuthenticated(true);
	}

	static AtlasAuthentication from(Jwt jwt) {
		PrincipalType type = PrincipalType.fromClaim(jwt.getClaimAsString(InternalIdentityToken.CLAIM_TYPE));
		String role = jwt.getClaimAsString(InternalIdentityToken.CLAIM_ROLE);
		if (role == null || role.isBlank()) {
			role = (type == PrincipalType.STAFF) ? "user" : type.name().toLowerCase();
		}
		AtlasPrincipal principal = new AtlasPrincipal(jwt.getSubject(), type, role.toLowerCase(),
				jwt.getClaimAsString(InternalIdentityToken.CLAIM_EVENT_ID),
				jwt.getClaimAsString(InternalIdentityToken.CLAIM_NAME),
				jwt.getClaimAsString(InternalIdentityToken.CLAIM_EMAIL));
		return new AtlasAuthentication(principal, jwt);
	}

	@Override
	public Object getCredentials() {
		return this.token;
	}

	@Override
	public AtlasPrincipal getPrincipal() {
		return this.principal;
	}

	@Override
	public String getName() {
		return this.principal.userId();
	}

}

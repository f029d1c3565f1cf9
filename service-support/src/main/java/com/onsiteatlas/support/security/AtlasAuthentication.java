package com.onsiteatlas.support.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import com.onsiteatlas.identity.InternalIdentityToken;

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
		PrincipalType type = PrincipalType.fromClaim(jwt.getClaimAsString(InternalIdentityToken.TYPE_CLAIM));
		String role = jwt.getClaimAsString(InternalIdentityToken.ROLE_CLAIM);
		if (role == null || role.isBlank()) {
			role = (type == PrincipalType.STAFF) ? "user" : type.name().toLowerCase();
		}
		AtlasPrincipal principal = new AtlasPrincipal(jwt.getSubject(), type, role.toLowerCase(),
				jwt.getClaimAsString(InternalIdentityToken.EVENT_ID_CLAIM),
				jwt.getClaimAsString(InternalIdentityToken.NAME_CLAIM),
				jwt.getClaimAsString(InternalIdentityToken.EMAIL_CLAIM));
		return new AtlasAuthentication(principal, jwt);
	}

	@Override
	public Jwt getCredentials() {
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

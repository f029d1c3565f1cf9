package com.onsiteatlas.support.audit;

import com.onsiteatlas.support.security.AtlasPrincipal;

/**
 * Who performed an audited operation.
 *
 * @param id the caller's user id, or the name of the system part (a schedule id) for
 * automatic work
 * @param type staff, registrant... or {@code system}
 * @param role the caller's role; for the system, what acted (e.g. {@code schedule})
 */
public record AuditActor(String id, String type, String role) {

	/** The actor type of automatic work. */
	public static final String SYSTEM = "system";

	/**
	 * The caller of a request.
	 * @param principal the caller
	 * @return the actor
	 */
	public static AuditActor of(AtlasPrincipal principal) {
		return new AuditActor(principal.userId(),
				(principal.type() != null) ? principal.type().name().toLowerCase() : null, principal.role());
	}

	/**
	 * The service itself.
	 * @param role what acted, e.g. {@code schedule}
	 * @param id which one, e.g. the schedule id
	 * @return the actor
	 */
	public static AuditActor system(String role, String id) {
		return new AuditActor(id, SYSTEM, role);
	}

}

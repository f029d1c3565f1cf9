package com.onsiteatlas.support.security;

import java.util.Set;

/**
 * The caller, as the gateway vouched for it.
 *
 * @param userId the subject: a User {@code _id}, a Registration {@code _id} for
 * registrants, a sponsor, client or author id otherwise
 * @param type the portal the original token came from
 * @param role the role: admin, manager, staff, reviewer, user for staff; the type name
 * otherwise
 * @param eventId the conference the token is bound to (registrant, sponsor, client,
 * author tokens), may be null
 * @param name display name when known
 * @param email e-mail when known
 */
public record AtlasPrincipal(String userId, PrincipalType type, String role, String eventId, String name,
		String email) {

	/**
	 * Staff roles that may work on any record of any event (ONSITE ATLAS has no per-event
	 * authorisation).
	 */
	public static final Set<String> STAFF_ROLES = Set.of("admin", "manager", "staff");

	/** Staff roles that may change configuration and delete records. */
	public static final Set<String> MANAGING_ROLES = Set.of("admin", "manager");

	/**
	 * The event of a registrant whose registration is unknown here or no longer active:
	 * it names no conference, so {@link #canReachEvent} is false for every one.
	 */
	public static final String NO_EVENT = "none";

	/**
	 * This caller bound to one conference.
	 * @param boundEventId the conference, or {@link #NO_EVENT}
	 * @return the bound principal
	 */
	public AtlasPrincipal boundTo(String boundEventId) {
		return new AtlasPrincipal(this.userId, this.type, this.role, boundEventId, this.name, this.email);
	}

	public boolean isStaff() {
		return this.type == PrincipalType.STAFF && STAFF_ROLES.contains(this.role);
	}

	public boolean isManaging() {
		return this.type == PrincipalType.STAFF && MANAGING_ROLES.contains(this.role);
	}

	public boolean isRegistrant() {
		return this.type == PrincipalType.REGISTRANT;
	}

	/**
	 * Whether a token bound to an event may reach another event's data. Staff tokens are
	 * not bound.
	 * @param otherEventId the event of the request
	 * @return true when the principal is not bound to an event or bound to this one
	 */
	public boolean canReachEvent(String otherEventId) {
		if (NO_EVENT.equals(this.eventId)) {
			return false;
		}
		return this.eventId == null || this.eventId.equalsIgnoreCase(otherEventId);
	}

}

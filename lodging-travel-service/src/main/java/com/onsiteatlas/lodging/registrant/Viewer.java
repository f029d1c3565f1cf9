package com.onsiteatlas.lodging.registrant;

/**
 * The caller of a request as the features need it.
 *
 * @param userId the caller's id (a User or, for registrants, a Registration {@code _id})
 * @param managing whether the caller is admin or manager
 * @param registrationId the caller's own registration for registrant tokens, null for
 * staff
 */
public record Viewer(String userId, boolean managing, String registrationId) {

	public boolean isRegistrant() {
		return this.registrationId != null;
	}

	/**
	 * Whether the caller may see records of a registration.
	 * @param registration a registration {@code _id}
	 * @return true for staff and for the registrant itself
	 */
	public boolean mayAccess(String registration) {
		return !isRegistrant() || this.registrationId.equalsIgnoreCase(registration);
	}

}

package com.onsiteatlas.lodging.document;

/**
 * The record a stored document belongs to.
 *
 * @param eventId the conference
 * @param resourceType travel-document or booking-confirmation
 * @param resourceId the travel info or booking id
 * @param registration the registration {@code _id}
 */
public record DocumentOwner(String eventId, String resourceType, String resourceId, String registration) {

	String associatedData() {
		return this.eventId + "/" + this.resourceType + "/" + this.resourceId;
	}

}

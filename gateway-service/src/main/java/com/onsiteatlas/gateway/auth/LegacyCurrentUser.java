package com.onsiteatlas.gateway.auth;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a staff user's role from the legacy current-user response. The user object is the
 * first of {@code data}, {@code data.user}, {@code user} and the document itself that has
 * a text {@code role}; its {@code isActive}, {@code name} and {@code email} are read from
 * the same object.
 */
final class LegacyCurrentUser {

	private static final List<String[]> CANDIDATES = List.of(new String[] { "data" }, new String[] { "data", "user" },
			new String[] { "user" }, new String[0]);

	private LegacyCurrentUser() {
	}

	/**
	 * Extracts the profile.
	 * @param document the response body
	 * @return the profile
	 * @throws RoleLookupUnavailableException if no role is found
	 */
	static StaffProfile parse(JsonNode document) {
		for (String[] path : CANDIDATES) {
			JsonNode user = document;
			for (String segment : path) {
				user = (user != null) ? user.get(segment) : null;
			}
			if (user != null && user.isObject() && user.path("role").isTextual()
					&& !user.path("role").asText().isBlank()) {
				JsonNode active = user.get("isActive");
				boolean inactive = active != null && active.isBoolean() && !active.booleanValue();
				return new StaffProfile(user.path("role").asText().trim().toLowerCase(Locale.ROOT), !inactive,
						textOrNull(user.get("name")), textOrNull(user.get("email")));
			}
		}
		throw new RoleLookupUnavailableException("no role in the legacy current-user response");
	}

	private static String textOrNull(JsonNode node) {
		return (node != null && node.isTextual() && !node.asText().isBlank()) ? node.asText() : null;
	}

}

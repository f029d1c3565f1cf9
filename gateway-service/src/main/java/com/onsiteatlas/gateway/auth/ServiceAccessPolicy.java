package com.onsiteatlas.gateway.auth;

import java.util.Map;
import java.util.Set;

/**
 * Which roles may reach which service through the gateway. This is the coarse gate only;
 * the services enforce their own finer rules (for example that writes need admin or
 * manager). Unknown services admit nobody.
 *
 * <table>
 * <caption>Default policy</caption>
 * <tr>
 * <th>service</th>
 * <th>roles</th>
 * </tr>
 * <tr>
 * <td>notification-service</td>
 * <td>admin, manager, staff</td>
 * </tr>
 * <tr>
 * <td>lodging-travel-service</td>
 * <td>admin, manager, staff, registrant</td>
 * </tr>
 * <tr>
 * <td>reporting-service</td>
 * <td>admin, manager, staff</td>
 * </tr>
 * </table>
 * Reviewers, plain users, sponsors, clients and authors reach none of them.
 */
class ServiceAccessPolicy {

	private static final Set<String> STAFF = Set.of("admin", "manager", "staff");

	private static final Map<String, Set<String>> DEFAULT_POLICY = Map.of("notification-service", STAFF,
			"lodging-travel-service", Set.of("admin", "manager", "staff", "registrant"), "reporting-service", STAFF);

	private final Map<String, Set<String>> allowedRoles;

	/** The default policy described on the class. */
	public ServiceAccessPolicy() {
		this(DEFAULT_POLICY);
	}

	/**
	 * A custom policy.
	 * @param allowedRoles service id to the roles allowed to reach it
	 */
	public ServiceAccessPolicy(Map<String, Set<String>> allowedRoles) {
		this.allowedRoles = Map.copyOf(allowedRoles);
	}

	/**
	 * Whether the role may reach the service.
	 * @param serviceId the discovery id
	 * @param role the caller's effective role, may be {@code null}
	 * @return {@code true} if allowed
	 */
	public boolean allows(String serviceId, String role) {
		return role != null && this.allowedRoles.getOrDefault(serviceId, Set.of()).contains(role);
	}

	/**
	 * The 403 message for a refused role.
	 * @param role the role
	 * @return the message
	 */
	public static String deniedMessage(String role) {
		return "Role '" + role + "' is not allowed to access this resource";
	}

}

package com.onsiteatlas.gateway.routing;

import org.springframework.cloud.gateway.route.Route;

/**
 * What kind of route a request matched, from its definition: a route to one of our
 * services (an {@code lb://} URI, authenticated and limited by the gateway) or a
 * pass-through to the legacy backend, and whether it is public (metadata
 * {@value #PUBLIC_METADATA}{@code : true}: provider callbacks, unsubscribe links, API
 * docs).
 */
public final class RouteKinds {

	/** Route metadata key marking a service route that needs no token. */
	public static final String PUBLIC_METADATA = "atlas-public";

	/**
	 * Route metadata key marking a public route on which the gateway sends its own
	 * identity (the services' API documents, which they serve to the gateway only).
	 */
	public static final String GATEWAY_IDENTITY_METADATA = "atlas-gateway-identity";

	private static final String LOAD_BALANCED_SCHEME = "lb";

	private RouteKinds() {
	}

	/**
	 * Whether the route leads to one of our services.
	 * @param route the route, may be null
	 * @return true for an {@code lb://} route
	 */
	public static boolean isService(Route route) {
		return route != null && route.getUri() != null
				&& LOAD_BALANCED_SCHEME.equalsIgnoreCase(route.getUri().getScheme());
	}

	/**
	 * Whether the route is public.
	 * @param route the route, may be null
	 * @return true when its metadata marks it public
	 */
	public static boolean isPublic(Route route) {
		return flag(route, PUBLIC_METADATA);
	}

	/**
	 * Whether the gateway sends its own identity on the route.
	 * @param route the route, may be null
	 * @return true when its metadata says so
	 */
	public static boolean sendsGatewayIdentity(Route route) {
		return flag(route, GATEWAY_IDENTITY_METADATA);
	}

	private static boolean flag(Route route, String key) {
		Object value = (route != null) ? route.getMetadata().get(key) : null;
		return value != null && Boolean.parseBoolean(value.toString());
	}

}

/**
 * Verifies ONSITE ATLAS tokens on service routes, resolves staff roles, applies the route
 * policy and swaps the caller's token for the internal identity token.
 */
package com.onsiteatlas.gateway.auth;

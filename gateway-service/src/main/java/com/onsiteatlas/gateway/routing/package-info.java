/**
 * Routing support around the YAML routes: headers the gateway never forwards upstream.
 */
package com.onsiteatlas.gateway.routing;

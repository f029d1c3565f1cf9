/**
 * Typed {@code atlas.gateway.*} configuration shared by the gateway's features.
 */
package com.onsiteatlas.gateway.config;

/**
 * Serves the organiser console (the organiser-console module's app build, on the
 * classpath under {@code console/}) at {@code /console/}: outside {@code /api}, so none
 * of the API's filters (tokens, roles, rate limit, size limit) apply to it.
 */
package com.onsiteatlas.gateway.console;

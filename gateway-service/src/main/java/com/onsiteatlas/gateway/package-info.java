/**
 * Entry point of the API gateway that fronts ONSITE ATLAS and the notification,
 * lodging/travel and reporting services.
 */
package com.onsiteatlas.gateway;

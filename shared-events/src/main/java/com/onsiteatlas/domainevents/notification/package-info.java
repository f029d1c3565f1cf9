/**
 * Delivery outcome events published by notification-service on
 * {@code atlas.notifications}, keyed by notification id.
 */
package com.onsiteatlas.domainevents.notification;

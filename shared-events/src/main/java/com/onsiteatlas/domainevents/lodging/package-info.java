/**
 * Hotel booking and travel events published by lodging-travel-service on
 * {@code atlas.hotel-bookings} and {@code atlas.travel}.
 */
package com.onsiteatlas.domainevents.lodging;

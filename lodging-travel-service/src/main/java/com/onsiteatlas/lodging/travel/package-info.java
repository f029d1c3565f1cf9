/**
 * Travel itineraries of registrations (arrival and departure legs), their documents and
 * their consistency with the hotel booking.
 */
package com.onsiteatlas.lodging.travel;

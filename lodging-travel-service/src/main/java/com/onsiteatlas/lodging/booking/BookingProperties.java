package com.onsiteatlas.lodging.booking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Plausibility limits of booking dates.
 *
 * @param daysAroundEvent how many days before the conference starts a stay may begin and
 * after it ends a stay may end
 * @param maxNights the longest stay
 */
@ConfigurationProperties("atlas.lodging.bookings")
record BookingProperties(@DefaultValue("14") int daysAroundEvent, @DefaultValue("60") int maxNights) {
}

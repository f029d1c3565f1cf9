package com.onsiteatlas.domainevents.lodging;

import java.time.Instant;

/**
 * One direction of a journey: {@code time} is local {@code HH:mm}, {@code airport} an
 * IATA code.
 */
public record TravelLeg(Instant date, String time, String flightNumber, String airport, String terminal,
		boolean transferRequired) {

}

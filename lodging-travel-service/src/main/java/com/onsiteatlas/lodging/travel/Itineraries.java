package com.onsiteatlas.lodging.travel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.onsiteatlas.lodging.booking.HotelBooking;
import com.onsiteatlas.lodging.calendar.Dates;
import com.onsiteatlas.support.web.ApiException;

/**
 * Validation of travel legs and their consistency with a hotel booking.
 */
final class Itineraries {

	private static final Pattern AIRPORT = Pattern.compile("^[A-Z]{3}$");

	/**
	 * Airline designator (two characters, at least one a letter, or three letters) and
	 * 1-4 digits.
	 */
	private static final Pattern FLIGHT = Pattern
		.compile("^(?:[A-Z]{2}|[A-Z][0-9]|[0-9][A-Z]|[A-Z]{3}) ?[0-9]{1,4}[A-Z]?$");

	private Itineraries() {
	}

	static TravelInfo.Leg leg(TravelRequest.LegRequest request, TravelInfo.Leg old, String name) {
		if (request == null) {
			return old;
		}
		String date = (request.date() != null) ? request.date()
				: (old != null && old.date() != null) ? old.date().toString() : null;
		String time = (request.time() != null) ? request.time() : (old != null) ? old.time() : null;
		String flight = (request.flightNumber() != null) ? request.flightNumber()
				: (old != null) ? old.flightNumber() : null;
		String airport = (request.airport() != null) ? request.airport() : (old != null) ? old.airport() : null;
		String terminal = (request.terminal() != null) ? request.terminal() : (old != null) ? old.terminal() : null;
		boolean transfer = (request.transferRequired() != null) ? request.transferRequired()
				: old != null && old.transferRequired();
		var instant = Dates.parse(date, name + ".date");
		if (instant != null) {
			instant = Dates.day(instant).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		}
		Dates.time(time, name + ".time");
		if (flight != null && !flight.isBlank()) {
			flight = flight.trim().toUpperCase(Locale.ROOT);
			if (!FLIGHT.matcher(flight).matches()) {
				throw ApiException.badRequest("'" + name + ".flightNumber' must look like 'AI 101' or '6E2043'");
			}
		}
		else {
			flight = null;
		}
		if (airport != null && !airport.isBlank()) {
			airport = airport.trim().toUpperCase(Locale.ROOT);
			if (!AIRPORT.matcher(airport).matches()) {
				throw ApiException.badRequest("'" + name + ".airport' must be a three-letter IATA code such as BLR");
			}
		}
		else {
			airport = null;
		}
		if (transfer && instant == null) {
			throw ApiException.badRequest("'" + name + ".date' is required when a transfer is required");
		}
		return new TravelInfo.Leg(instant, (time != null && !time.isBlank()) ? time.trim() : null, flight, airport,
				(terminal != null && !terminal.isBlank()) ? terminal.trim() : null, transfer);
	}

	static void requireOrder(TravelInfo.Leg arrival, TravelInfo.Leg departure) {
		if (arrival == null || departure == null || arrival.date() == null || departure.date() == null) {
			return;
		}
		if (at(departure).isBefore(at(arrival))) {
			throw ApiException.badRequest("The departure must not be before the arrival");
		}
	}

	static LocalDateTime at(TravelInfo.Leg leg) {
		LocalTime time = (leg.time() != null) ? LocalTime.parse(leg.time()) : LocalTime.MIDNIGHT;
		return Dates.day(leg.date()).atTime(time);
	}

	static List<TravelInfoResponse.Warning> warnings(TravelInfo travel, HotelBooking booking) {
		List<TravelInfoResponse.Warning> warnings = new ArrayList<>();
		if (booking == null) {
			return warnings;
		}
		LocalDate checkIn = Dates.day(booking.checkIn().date());
		LocalDate checkOut = Dates.day(booking.checkOut().date());
		if (travel.arrival() != null && travel.arrival().date() != null) {
			LocalDate arrival = Dates.day(travel.arrival().date());
			if (arrival.isAfter(checkIn)) {
				warnings.add(new TravelInfoResponse.Warning("arrival-after-check-in", "Arrives on " + arrival
						+ ", after the hotel check-in on " + checkIn + " (the room stays empty)"));
			}
			else if (arrival.isBefore(checkIn)) {
				warnings.add(new TravelInfoResponse.Warning("arrival-before-check-in",
						"Arrives on " + arrival + ", before the hotel check-in on " + checkIn + " (no room booked)"));
			}
		}
		if (travel.departure() != null && travel.departure().date() != null) {
			LocalDate departure = Dates.day(travel.departure().date());
			if (departure.isAfter(checkOut)) {
				warnings.add(new TravelInfoResponse.Warning("departure-after-check-out", "Departs on " + departure
						+ ", after the hotel check-out on " + checkOut + " (no room booked)"));
			}
			else if (departure.isBefore(checkOut)) {
				warnings.add(new TravelInfoResponse.Warning("departure-before-check-out", "Departs on " + departure
						+ ", before the hotel check-out on " + checkOut + " (unused nights)"));
			}
		}
		return warnings;
	}

}

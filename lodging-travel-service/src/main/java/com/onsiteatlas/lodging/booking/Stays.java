package com.onsiteatlas.lodging.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.lodging.calendar.Dates;
import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.readmodel.ConferenceView;
import com.onsiteatlas.support.web.ApiException;

/**
 * Checks the dates of a stay: at least one night, at most the configured number, and
 * plausible for the conference (within the configured days around it).
 */
@Component
class Stays {

	private final Registrants registrants;

	private final BookingProperties properties;

	private final Clock clock;

	Stays(Registrants registrants, BookingProperties properties, Clock clock) {
		this.registrants = registrants;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The stay a request asks for.
	 * @param eventId the conference
	 * @param checkIn check-in day and time
	 * @param checkOut check-out day and time
	 * @return the stay, or a 400 naming what is wrong
	 */
	Mono<Stay> check(String eventId, BookingRequest.Stay checkIn, BookingRequest.Stay checkOut) {
		Instant in = Dates.parse(checkIn.date(), "checkIn.date");
		Instant out = Dates.parse(checkOut.date(), "checkOut.date");
		String inTime = (Dates.time(checkIn.time(), "checkIn.time") != null) ? checkIn.time().trim() : null;
		String outTime = (Dates.time(checkOut.time(), "checkOut.time") != null) ? checkOut.time().trim() : null;
		in = Dates.day(in).atStartOfDay(ZoneOffset.UTC).toInstant();
		out = Dates.day(out).atStartOfDay(ZoneOffset.UTC).toInstant();
		int nights = (int) ChronoUnit.DAYS.between(Dates.day(in), Dates.day(out));
		if (nights < 1) {
			return Mono.error(ApiException.badRequest("checkOut.date must be after checkIn.date"));
		}
		if (nights > this.properties.maxNights()) {
			return Mono
				.error(ApiException.badRequest("A stay may last at most " + this.properties.maxNights() + " nights"));
		}
		Stay stay = new Stay(in, inTime, out, outTime, nights);
		return this.registrants.conferenceView(eventId)
			.map((conference) -> plausible(stay, conference))
			.defaultIfEmpty(stay)
			.flatMap((checked) -> {
				Instant now = this.clock.instant();
				if (checked.checkIn().isBefore(now.minus(3 * 366, ChronoUnit.DAYS))
						|| checked.checkOut().isAfter(now.plus(3 * 366, ChronoUnit.DAYS))) {
					return Mono.error(ApiException.badRequest("The stay dates are not plausible for this event"));
				}
				return Mono.just(checked);
			});
	}

	private Stay plausible(Stay stay, ConferenceView conference) {
		int days = this.properties.daysAroundEvent();
		if (conference.startDate() != null
				&& Dates.day(stay.checkIn()).isBefore(Dates.day(conference.startDate()).minusDays(days))) {
			throw ApiException.badRequest("checkIn.date is more than " + days + " days before the event starts ("
					+ Dates.day(conference.startDate()) + ")");
		}
		if (conference.endDate() != null
				&& Dates.day(stay.checkOut()).isAfter(Dates.day(conference.endDate()).plusDays(days + 1))) {
			throw ApiException.badRequest("checkOut.date is more than " + days + " days after the event ends ("
					+ Dates.day(conference.endDate()) + ")");
		}
		return stay;
	}

	/**
	 * A checked stay.
	 *
	 * @param checkIn the check-in day
	 * @param checkInTime expected check-in time
	 * @param checkOut the check-out day
	 * @param checkOutTime expected check-out time
	 * @param nights number of nights
	 */
	record Stay(Instant checkIn, String checkInTime, Instant checkOut, String checkOutTime, int nights) {
	}

}

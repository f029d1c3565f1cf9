package com.onsiteatlas.lodging.manifest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.lodging.calendar.Dates;
import com.onsiteatlas.lodging.travel.TravelQueries;
import com.onsiteatlas.support.web.ApiException;

/**
 * Builds the transfer manifest of a day range: checks the query (a 400 naming what is
 * wrong), reads the legs needing transfer once per direction and groups them in memory.
 */
@Service
class TransferManifests {

	private static final int MAX_DAYS = 62;

	private final TravelQueries travel;

	private final ManifestProperties properties;

	TransferManifests(TravelQueries travel, ManifestProperties properties) {
		this.travel = travel;
		this.properties = properties;
	}

	Mono<TransferManifest> build(String eventId, ManifestQuery query) {
		LocalDate first = Dates.parseDay(query.from(), "from");
		LocalDate last = Dates.parseDay(query.to(), "to");
		if (first == null || last == null) {
			throw ApiException.badRequest("'from' and 'to' (YYYY-MM-DD) are required");
		}
		if (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last)) {
			throw ApiException.badRequest("'to' must be on or after 'from' and at most " + MAX_DAYS + " days later");
		}
		int window = window(query.windowMinutes());
		String which = (query.direction() != null) ? query.direction() : "both";
		if (!List.of("arrivals", "departures", "both").contains(which)) {
			throw ApiException.badRequest("'direction' must be arrivals, departures or both");
		}
		String airport = (query.airport() != null && !query.airport().isBlank())
				? query.airport().trim().toUpperCase(Locale.ROOT) : null;
		Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = last.atStartOfDay(ZoneOffset.UTC).toInstant();
		Mono<List<TransferManifest.Group>> arrivals = which.equals("departures") ? Mono.just(List.of())
				: groups(eventId, true, start, end, window, airport);
		Mono<List<TransferManifest.Group>> departures = which.equals("arrivals") ? Mono.just(List.of())
				: groups(eventId, false, start, end, window, airport);
		return Mono.zip(arrivals, departures).map((tuple) -> {
			int arriving = tuple.getT1().stream().mapToInt(TransferManifest.Group::passengerCount).sum();
			int departing = tuple.getT2().stream().mapToInt(TransferManifest.Group::passengerCount).sum();
			return new TransferManifest(first.toString(), last.toString(), window, tuple.getT1(), tuple.getT2(),
					new TransferManifest.Totals(arriving, departing));
		});
	}

	private Mono<List<TransferManifest.Group>> groups(String eventId, boolean arrivals, Instant start, Instant end,
			int window, String airport) {
		return this.travel.transfers(eventId, arrivals, start, end)
			.collectList()
			.map((travels) -> ManifestBuilder.groups(travels, arrivals, window, airport));
	}

	private int window(String value) {
		if (value == null || value.isBlank()) {
			return this.properties.windowMinutes();
		}
		try {
			int minutes = Integer.parseInt(value.trim());
			if (minutes >= 5 && minutes <= 1440) {
				return minutes;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the message below
		}
		throw ApiException.badRequest("'windowMinutes' must be a whole number from 5 to 1440");
	}

}

package com.onsiteatlas.lodging.manifest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.lodging.calendar.Dates;
import com.onsiteatlas.lodging.travel.TravelQueries;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ApiResponse;

/**
 * The transfer manifest as JSON for staff (reporting-service exports it).
 */
@RestController
class ManifestController {

	private static final int MAX_DAYS = 62;

	private final TravelQueries travel;

	private final ManifestProperties properties;

	ManifestController(TravelQueries travel, ManifestProperties properties) {
		this.travel = travel;
		this.properties = properties;
	}

	@GetMapping("/api/events/{eventId}/transfer-manifest")
	@PreAuthorize("hasAnyRole('admin','manager','staff')")
	Mono<ApiResponse<TransferManifest>> manifest(@PathVariable String eventId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String direction, @RequestParam(required = false) String windowMinutes,
			@RequestParam(required = false) String airport) {
		LocalDate first = Dates.parseDay(from, "from");
		LocalDate last = Dates.parseDay(to, "to");
		if (first == null || last == null) {
			throw ApiException.badRequest("'from' and 'to' (YYYY-MM-DD) are required");
		}
		if (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last)) {
			throw ApiException.badRequest("'to' must be on or after 'from' and at most " + MAX_DAYS + " days later");
		}
		int window = window(windowMinutes);
		String which = (direction != null) ? direction : "both";
		if (!List.of("arrivals", "departures", "both").contains(which)) {
			throw ApiException.badRequest("'direction' must be arrivals, departures or both");
		}
		String airportCode = (airport != null && !airport.isBlank()) ? airport.trim().toUpperCase(Locale.ROOT) : null;
		var start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
		var end = last.atStartOfDay(ZoneOffset.UTC).toInstant();
		Mono<List<TransferManifest.Group>> arrivals = which.equals("departures") ? Mono.just(List.of())
				: this.travel.transfers(eventId, true, start, end)
					.collectList()
					.map((travels) -> ManifestBuilder.groups(travels, true, window, airportCode));
		Mono<List<TransferManifest.Group>> departures = which.equals("arrivals") ? Mono.just(List.of())
				: this.travel.transfers(eventId, false, start, end)
					.collectList()
					.map((travels) -> ManifestBuilder.groups(travels, false, window, airportCode));
		return Mono.zip(arrivals, departures).map((tuple) -> {
			int arriving = tuple.getT1().stream().mapToInt(TransferManifest.Group::passengerCount).sum();
			int departing = tuple.getT2().stream().mapToInt(TransferManifest.Group::passengerCount).sum();
			return ApiResponse.ok("Transfer manifest", new TransferManifest(first.toString(), last.toString(), window,
					tuple.getT1(), tuple.getT2(), new TransferManifest.Totals(arriving, departing)));
		});
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

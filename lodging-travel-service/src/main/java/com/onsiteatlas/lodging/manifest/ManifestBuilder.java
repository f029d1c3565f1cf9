package com.onsiteatlas.lodging.manifest;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.onsiteatlas.lodging.calendar.Dates;
import com.onsiteatlas.lodging.travel.TravelInfo;

/**
 * Groups legs into pick-up windows; pure, so the manifest of thousands of itineraries is
 * built in memory without further queries.
 */
final class ManifestBuilder {

	private ManifestBuilder() {
	}

	static List<TransferManifest.Group> groups(List<TravelInfo> travels, boolean arrivals, int windowMinutes,
			String airportFilter) {
		Map<String, List<Entry>> grouped = new TreeMap<>();
		for (TravelInfo travel : travels) {
			TravelInfo.Leg leg = arrivals ? travel.arrival() : travel.departure();
			if (leg == null || !leg.transferRequired() || leg.date() == null || leg.airport() == null) {
				continue;
			}
			if (airportFilter != null && !airportFilter.equals(leg.airport())) {
				continue;
			}
			String date = Dates.day(leg.date()).toString();
			String start = null;
			String end = null;
			if (leg.time() != null) {
				int minute = LocalTime.parse(leg.time()).toSecondOfDay() / 60;
				int windowStart = (minute / windowMinutes) * windowMinutes;
				start = LocalTime.ofSecondOfDay(windowStart * 60L).toString();
				int windowEnd = windowStart + windowMinutes;
				end = (windowEnd >= 24 * 60) ? "24:00" : LocalTime.ofSecondOfDay(windowEnd * 60L).toString();
			}
			String key = date + "|" + leg.airport() + "|" + Objects.toString(leg.terminal(), "") + "|"
					+ ((start != null) ? start : "~");
			grouped.computeIfAbsent(key, (k) -> new ArrayList<>()).add(new Entry(travel, leg, start, end));
		}
		List<TransferManifest.Group> groups = new ArrayList<>();
		for (List<Entry> entries : grouped.values()) {
			Entry first = entries.get(0);
			List<TransferManifest.Passenger> passengers = entries.stream()
				.map(ManifestBuilder::passenger)
				.sorted(Comparator.comparing(TransferManifest.Passenger::time, Comparator.nullsLast(String::compareTo))
					.thenComparing(TransferManifest.Passenger::name, Comparator.nullsLast(String::compareTo)))
				.toList();
			groups.add(new TransferManifest.Group(Dates.day(first.leg().date()).toString(), first.leg().airport(),
					first.leg().terminal(), first.start(), first.end(), passengers.size(), passengers));
		}
		return groups;
	}

	private static TransferManifest.Passenger passenger(Entry entry) {
		TravelInfo travel = entry.travel();
		String name = (travel.traveller() != null) ? travel.traveller().fullName() : travel.registrationId();
		String phone = (travel.traveller() != null) ? travel.traveller().phone() : null;
		return new TransferManifest.Passenger(travel.id(), travel.registration(), travel.registrationId(), name, phone,
				entry.leg().flightNumber(), entry.leg().time());
	}

	private record Entry(TravelInfo travel, TravelInfo.Leg leg, String start, String end) {
	}

}

package com.onsiteatlas.lodging.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pickup of one room type of one hotel: per night and in total.
 *
 * @param hotelId the hotel
 * @param hotelName its name
 * @param roomType the room type
 * @param nights per night
 * @param totals over all nights (room nights)
 * @param peakNight the night with the most rooms booked
 */
record PickupReport(String hotelId, String hotelName, String roomType, List<Line> nights, Line totals,
		String peakNight) {

	/**
	 * The pickup of each hotel and room type among some nights.
	 * @param nights room-block nights, sorted by hotel and room type
	 * @return one report per hotel and room type, in the order first seen
	 */
	static List<PickupReport> perBlock(List<RoomNight> nights) {
		Map<String, List<RoomNight>> byBlock = new LinkedHashMap<>();
		for (RoomNight night : nights) {
			byBlock.computeIfAbsent(night.hotelId() + "|" + night.roomType(), (key) -> new ArrayList<>()).add(night);
		}
		List<PickupReport> reports = new ArrayList<>();
		for (List<RoomNight> block : byBlock.values()) {
			RoomNight first = block.get(0);
			List<Line> lines = block.stream()
				.sorted(Comparator.comparing(RoomNight::night))
				.map((night) -> Line.of(night.night(), night.contracted(), night.booked(), night.available()))
				.toList();
			Line totals = Line.of(null, block.stream().mapToInt(RoomNight::contracted).sum(),
					block.stream().mapToInt(RoomNight::booked).sum(),
					block.stream().mapToInt(RoomNight::available).sum());
			String peak = lines.stream()
				.filter((line) -> line.booked() > 0)
				.max(Comparator.comparingInt(Line::booked))
				.map(Line::night)
				.orElse(null);
			reports.add(new PickupReport(first.hotelId(), first.hotelName(), first.roomType(), lines, totals, peak));
		}
		return reports;
	}

	/**
	 * Counts of one night or of all nights.
	 *
	 * @param night the night, null for totals
	 * @param contracted contracted rooms
	 * @param booked booked rooms
	 * @param available rooms left
	 * @param pickupPercent booked as a percentage of contracted, one decimal
	 */
	record Line(String night, int contracted, int booked, int available, double pickupPercent) {

		static Line of(String night, int contracted, int booked, int available) {
			double pickup = (contracted == 0) ? 0 : Math.round(booked * 1000.0 / contracted) / 10.0;
			return new Line(night, contracted, booked, available, pickup);
		}

	}

}

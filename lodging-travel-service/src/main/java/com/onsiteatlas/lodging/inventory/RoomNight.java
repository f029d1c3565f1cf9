package com.onsiteatlas.lodging.inventory;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The rooms of one room type of one hotel for one night. {@code available} is kept next
 * to {@code booked} because the embedded MongoDB-wire server cannot compare two fields in
 * a query ({@code $expr}); every change moves both in one atomic update.
 *
 * @param id the id
 * @param event the conference
 * @param hotelId the hotel
 * @param hotelName the hotel's name when the block was set
 * @param roomType the room type name as the hotel spells it
 * @param night the night as {@code YYYY-MM-DD} (sorts as text)
 * @param contracted rooms contracted with the hotel
 * @param booked rooms held by confirmed bookings
 * @param available contracted minus booked
 * @param holders the bookings holding a room this night (the truth the counters follow)
 * @param updatedAt last change
 */
@Document(RoomNight.COLLECTION)
@CompoundIndex(name = "block_night", def = "{'event': 1, 'hotelId': 1, 'roomType': 1, 'night': 1}", unique = true)
public record RoomNight(@Id @JsonProperty("_id") String id, String event, String hotelId, String hotelName,
		String roomType, String night, int contracted, int booked, int available, @JsonIgnore List<String> holders,
		Instant updatedAt) {

	static final String COLLECTION = "room_nights";

}

package com.onsiteatlas.lodging.inventory;

/**
 * The rooms of one room type of one hotel of an event.
 *
 * @param eventId the conference
 * @param hotelId the hotel
 * @param roomType the room type name as the hotel spells it
 */
public record Block(String eventId, String hotelId, String roomType) {
}

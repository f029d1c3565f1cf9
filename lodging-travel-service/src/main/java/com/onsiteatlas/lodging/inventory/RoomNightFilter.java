package com.onsiteatlas.lodging.inventory;

import java.time.LocalDate;

/**
 * A checked room-block list filter, as the repository matches it.
 *
 * @param eventId the conference
 * @param hotelId only this hotel, may be null or blank
 * @param roomType only this room type (any case), may be null or blank
 * @param from first night, may be null
 * @param to last night, may be null
 */
record RoomNightFilter(String eventId, String hotelId, String roomType, LocalDate from, LocalDate to) {
}

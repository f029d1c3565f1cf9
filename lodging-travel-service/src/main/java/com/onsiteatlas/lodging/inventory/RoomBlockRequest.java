package com.onsiteatlas.lodging.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Sets the rooms contracted for each night from {@code firstNight} to {@code lastNight}
 * (both included).
 *
 * @param hotelId the hotel
 * @param roomType the room type name
 * @param firstNight first night, {@code YYYY-MM-DD}
 * @param lastNight last night, {@code YYYY-MM-DD}, default the first night
 * @param rooms rooms contracted per night
 */
record RoomBlockRequest(@NotBlank String hotelId, @NotBlank String roomType, @NotBlank String firstNight,
		String lastNight, @NotNull @Min(0) @Max(100000) Integer rooms) {
}

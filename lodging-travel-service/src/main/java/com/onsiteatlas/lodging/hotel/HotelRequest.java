package com.onsiteatlas.lodging.hotel;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The body of hotel create (name required) and update (only the fields given change).
 *
 * @param name name
 * @param description description
 * @param address address
 * @param contactInfo contact
 * @param images image URLs
 * @param roomTypes room types; on update they replace the list (kept ids by name)
 * @param isOfficial official hotel flag, default true
 * @param distanceToVenue distance text
 * @param notes notes
 */
record HotelRequest(@Size(min = 1, max = 200) String name, @Size(max = 5000) String description, @Valid Address address,
		@Valid ContactInfo contactInfo, @Size(max = 50) List<@NotBlank @Size(max = 2000) String> images,
		@Size(max = 50) List<@Valid RoomTypeRequest> roomTypes, @JsonProperty("isOfficial") Boolean isOfficial,
		@Size(max = 100) String distanceToVenue, @Size(max = 5000) String notes) {

	/**
	 * A room type as sent by the client.
	 *
	 * @param name name
	 * @param description description
	 * @param capacity guests per room
	 * @param amenities amenities
	 * @param price price per night in major units (the spec's field), instead of or with
	 * {@code priceCents}
	 * @param priceCents price per night in cents
	 * @param currency ISO 4217 code, default INR
	 */
	record RoomTypeRequest(@NotBlank @Size(max = 100) String name, @Size(max = 2000) String description,
			@Min(1) @Max(20) Integer capacity, @Size(max = 50) List<@NotBlank @Size(max = 100) String> amenities,
			@PositiveOrZero BigDecimal price, @PositiveOrZero Long priceCents,
			@Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as INR") String currency) {
	}

}

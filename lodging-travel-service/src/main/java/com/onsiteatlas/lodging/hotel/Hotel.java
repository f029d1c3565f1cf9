package com.onsiteatlas.lodging.hotel;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A hotel of an event (ONSITE ATLAS {@code Hotel}); room type prices are integer cents.
 *
 * @param id the hotel id
 * @param event the conference
 * @param name name
 * @param description description
 * @param address postal address
 * @param contactInfo how to reach the hotel
 * @param images image URLs
 * @param roomTypes bookable room types
 * @param isOfficial whether it is an official conference hotel
 * @param distanceToVenue free text such as {@code 1.2 km}
 * @param notes staff notes
 * @param createdBy staff user id
 * @param createdAt created
 * @param updatedAt last changed
 * @param searchText lower-case name and city for regex search
 */
@Document(Hotel.COLLECTION)
public record Hotel(@Id @JsonProperty("_id") String id, @Indexed String event, String name, String description,
		Address address, ContactInfo contactInfo, List<String> images, List<RoomType> roomTypes,
		@JsonProperty("isOfficial") boolean isOfficial, String distanceToVenue, String notes, String createdBy,
		Instant createdAt, Instant updatedAt, @JsonIgnore String searchText) {

	static final String COLLECTION = "hotels";

	/**
	 * The address on one line, as bookings show it.
	 * @return the address text, null when there is none
	 */
	public String addressLine() {
		if (this.address == null) {
			return null;
		}
		String line = java.util.stream.Stream
			.of(this.address.street(), this.address.city(), this.address.state(), this.address.postalCode(),
					this.address.country())
			.filter((part) -> part != null && !part.isBlank())
			.collect(java.util.stream.Collectors.joining(", "));
		return line.isEmpty() ? null : line;
	}

	/**
	 * The contact on one line, as bookings show it.
	 * @return phone and e-mail, null when there is none
	 */
	public String contactLine() {
		if (this.contactInfo == null) {
			return null;
		}
		String line = java.util.stream.Stream.of(this.contactInfo.phone(), this.contactInfo.email())
			.filter((part) -> part != null && !part.isBlank())
			.collect(java.util.stream.Collectors.joining(", "));
		return line.isEmpty() ? null : line;
	}

	/**
	 * A room type by name, ignoring case.
	 * @param name the room type name
	 * @return the room type, null when the hotel has none of that name
	 */
	public RoomType roomType(String name) {
		if (name == null || this.roomTypes == null) {
			return null;
		}
		return this.roomTypes.stream()
			.filter((type) -> type.name().equalsIgnoreCase(name.trim()))
			.findFirst()
			.orElse(null);
	}

}

package com.onsiteatlas.lodging.hotel;

import jakarta.validation.constraints.Size;

/**
 * A postal address.
 *
 * @param street street
 * @param city city
 * @param state state
 * @param postalCode postal code
 * @param country country
 */
public record Address(@Size(max = 300) String street, @Size(max = 100) String city, @Size(max = 100) String state,
		@Size(max = 20) String postalCode, @Size(max = 100) String country) {
}

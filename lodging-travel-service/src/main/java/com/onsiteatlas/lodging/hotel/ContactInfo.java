package com.onsiteatlas.lodging.hotel;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * How to reach a hotel.
 *
 * @param phone phone
 * @param email e-mail
 * @param website website
 * @param contactPerson contact person
 */
public record ContactInfo(@Size(max = 40) String phone, @Email @Size(max = 200) String email,
		@Size(max = 500) String website, @Size(max = 200) String contactPerson) {
}

package com.onsiteatlas.lodging;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Hotels, room blocks, hotel bookings, travel itineraries and secure travel documents.
 */
@SpringBootApplication
public class LodgingTravelApplication {

	public static void main(String[] args) {
		SpringApplication.run(LodgingTravelApplication.class, args);
	}

}

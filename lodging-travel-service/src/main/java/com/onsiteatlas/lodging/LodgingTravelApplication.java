package com.onsiteatlas.lodging;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import com.onsiteatlas.support.messaging.OutboxCollections;

/**
 * Hotels, room blocks, hotel bookings, travel itineraries and secure travel documents.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LodgingTravelApplication {

	public static void main(String[] args) {
		SpringApplication.run(LodgingTravelApplication.class, args);
	}

	/**
	 * The collections whose documents carry domain events for the relay.
	 * @return hotel bookings and travel info
	 */
	@Bean
	OutboxCollections lodgingOutboxCollections() {
		return OutboxCollections.of("hotel_bookings", "travel_info");
	}

}

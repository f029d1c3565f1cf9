package com.onsiteatlas.lodging;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import com.onsiteatlas.lodging.booking.BookingStatus;
import com.onsiteatlas.lodging.travel.TravelStatus;
import com.onsiteatlas.support.messaging.OutboxCollections;
import com.onsiteatlas.support.wirevalue.WireValues;

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

	/**
	 * Stores the status enums as their lower-case wire values ({@code checked-in}), the
	 * strings documents held before the enums existed; Spring Data would store the
	 * constant names otherwise. Replaces Boot's default, which registers no converters.
	 * @return the conversions
	 */
	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return new MongoCustomConversions(WireValues.mongoConverters(BookingStatus.class, TravelStatus.class));
	}

}

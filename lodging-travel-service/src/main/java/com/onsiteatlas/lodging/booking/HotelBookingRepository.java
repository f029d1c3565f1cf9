package com.onsiteatlas.lodging.booking;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The hotel bookings ({@code hotel_bookings}): Spring Data's reads and inserts, plus the
 * queries and guarded writes of {@link HotelBookingRepositoryCustom}.
 */
interface HotelBookingRepository extends ReactiveMongoRepository<HotelBooking, String>, HotelBookingRepositoryCustom {

}

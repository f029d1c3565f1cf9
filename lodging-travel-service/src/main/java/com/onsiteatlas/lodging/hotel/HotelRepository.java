package com.onsiteatlas.lodging.hotel;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The hotels: Spring Data's reads and writes, plus the queries of
 * {@link HotelRepositoryCustom}.
 */
interface HotelRepository extends ReactiveMongoRepository<Hotel, String>, HotelRepositoryCustom {

}

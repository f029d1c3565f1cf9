package com.onsiteatlas.lodging.travel;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The itineraries ({@code travel_info}): Spring Data's reads and inserts, plus the
 * queries and guarded writes of {@link TravelInfoRepositoryCustom}.
 */
interface TravelInfoRepository extends ReactiveMongoRepository<TravelInfo, String>, TravelInfoRepositoryCustom {

}

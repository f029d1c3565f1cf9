package com.onsiteatlas.lodging.inventory;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The room-block nights ({@code room_nights}): Spring Data's reads and inserts, plus the
 * queries and guarded writes of {@link RoomNightRepositoryCustom}.
 */
interface RoomNightRepository extends ReactiveMongoRepository<RoomNight, String>, RoomNightRepositoryCustom {

}

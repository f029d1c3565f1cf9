package com.onsiteatlas.notification.cutover;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The cutover records (one per conference, the event id as {@code _id}): Spring Data's
 * reads, saves and removals are all they need.
 */
interface LegacyCutoverRepository extends ReactiveMongoRepository<LegacyCutover, String> {

}

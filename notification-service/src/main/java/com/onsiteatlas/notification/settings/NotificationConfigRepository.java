package com.onsiteatlas.notification.settings;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The per-event notification configurations ({@code notification_configs}, one per event,
 * the event id as {@code _id}): Spring Data's reads, saves and removals are all they
 * need.
 */
interface NotificationConfigRepository extends ReactiveMongoRepository<NotificationConfig, String> {

}

package com.onsiteatlas.notification.trigger;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The notification triggers ({@code notification_triggers}): Spring Data's reads,
 * inserts, saves and removals, plus the queries and the guarded schedule write of
 * {@link NotificationTriggerRepositoryCustom}.
 */
interface NotificationTriggerRepository
		extends ReactiveMongoRepository<NotificationTrigger, String>, NotificationTriggerRepositoryCustom {

}

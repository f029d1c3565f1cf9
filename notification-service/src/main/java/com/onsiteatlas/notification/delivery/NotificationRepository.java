package com.onsiteatlas.notification.delivery;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The delivery log ({@code notifications}): Spring Data's reads, plus the queries, the
 * bulk insert and the guarded writes (claims, outcomes with their outbox entries, status
 * changes) of {@link NotificationRepositoryCustom}, and the log's reads of
 * {@link NotificationLogRepository}.
 */
interface NotificationRepository
		extends ReactiveMongoRepository<Notification, String>, NotificationRepositoryCustom, NotificationLogRepository {

}

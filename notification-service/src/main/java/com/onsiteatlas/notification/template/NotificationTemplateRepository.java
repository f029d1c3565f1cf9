package com.onsiteatlas.notification.template;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/**
 * The notification templates ({@code notification_templates}): Spring Data's reads,
 * inserts, saves and removals, plus the queries of
 * {@link NotificationTemplateRepositoryCustom}.
 */
interface NotificationTemplateRepository
		extends ReactiveMongoRepository<NotificationTemplate, String>, NotificationTemplateRepositoryCustom {

}

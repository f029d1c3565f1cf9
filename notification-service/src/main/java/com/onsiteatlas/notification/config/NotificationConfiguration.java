package com.onsiteatlas.notification.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.onsiteatlas.support.messaging.OutboxCollections;

/**
 * Beans every feature of the service shares.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

	@Bean
	SecretBox secretBox(NotificationProperties properties) {
		return new SecretBox(properties.encryptionKey());
	}

	/** Notifications carry notification-sent/-failed in their outbox. */
	@Bean
	OutboxCollections notificationOutbox() {
		return OutboxCollections.of("notifications");
	}

}

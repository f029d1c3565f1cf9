package com.onsiteatlas.notification.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.onsiteatlas.support.destination.DestinationPolicy;
import com.onsiteatlas.support.destination.DestinationProperties;
import com.onsiteatlas.support.messaging.OutboxCollections;

/**
 * Beans every feature of the service shares.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ NotificationProperties.class, SmsProviderProperties.class,
		DestinationProperties.class })
class NotificationConfiguration {

	@Bean
	SecretBox secretBox(NotificationProperties properties) {
		return new SecretBox(properties.encryptionKey());
	}

	/**
	 * Where an organiser's SMTP host and WhatsApp API URL may point: the operator's
	 * allow-list ({@code atlas.destinations.allowed-hosts}) and nothing internal besides.
	 */
	@Bean
	DestinationPolicy destinationPolicy(DestinationProperties properties) {
		return properties.policy();
	}

	/** Notifications carry notification-sent/-failed in their outbox. */
	@Bean
	OutboxCollections notificationOutbox() {
		return OutboxCollections.of("notifications");
	}

}

package com.onsiteatlas.notification.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;
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

	/**
	 * Provider secrets and unsubscribe links under their own keyrings
	 * ({@code atlas.crypto.provider-secrets.*},
	 * {@code atlas.crypto.unsubscribe-links.*}), derived from
	 * {@code ATLAS_ENCRYPTION_KEY} when none is configured.
	 */
	@Bean
	SecretBox secretBox(NotificationProperties properties, Environment environment) {
		return new SecretBox(Keyring.from(environment, KeyPurpose.PROVIDER_SECRETS, properties.encryptionKey()),
				Keyring.from(environment, KeyPurpose.UNSUBSCRIBE_LINKS, properties.encryptionKey()));
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

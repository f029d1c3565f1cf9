package com.onsiteatlas.reporting.export;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.onsiteatlas.support.messaging.OutboxCollections;

@Configuration(proxyBeanMethods = false)
class ExportConfiguration {

	/** Export jobs carry their export-completed/failed events in an outbox. */
	@Bean
	OutboxCollections exportOutbox() {
		return OutboxCollections.of(ExportHistory.COLLECTION);
	}

}

package com.onsiteatlas.support.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import com.onsiteatlas.support.messaging.OutboxCollections;

@SpringBootApplication
public class SupportTestApplication {

	@Bean
	KnownRegistrants knownRegistrants() {
		return new KnownRegistrants();
	}

	@Bean
	OutboxCollections widgetOutbox() {
		return OutboxCollections.of(Widget.COLLECTION);
	}

}

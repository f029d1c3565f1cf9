package com.onsiteatlas.notification.delivery;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Stores {@link NotificationStatus} as its lower-case value ({@code "pending"}), as
 * before it was an enum, instead of Spring Data's default, the constant's name
 * ({@code "PENDING"}): existing documents and queries by status keep working.
 */
@Configuration(proxyBeanMethods = false)
class StatusConversions {

	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return new MongoCustomConversions(List.of(StatusWriter.INSTANCE, StatusReader.INSTANCE));
	}

	@WritingConverter
	enum StatusWriter implements Converter<NotificationStatus, String> {

		INSTANCE;

		@Override
		public String convert(NotificationStatus status) {
			return status.value();
		}

	}

	@ReadingConverter
	enum StatusReader implements Converter<String, NotificationStatus> {

		INSTANCE;

		@Override
		public NotificationStatus convert(String value) {
			return NotificationStatus.of(value);
		}

	}

}

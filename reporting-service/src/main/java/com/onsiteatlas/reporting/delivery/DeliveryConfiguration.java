package com.onsiteatlas.reporting.delivery;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.onsiteatlas.support.destination.DestinationPolicy;
import com.onsiteatlas.support.destination.DestinationProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DestinationProperties.class)
class DeliveryConfiguration {

	/**
	 * Where an organiser's S3 endpoint may point: the operator's allow-list
	 * ({@code atlas.destinations.allowed-hosts}) and nothing internal besides.
	 */
	@Bean
	DestinationPolicy destinationPolicy(DestinationProperties properties) {
		return properties.policy();
	}

}

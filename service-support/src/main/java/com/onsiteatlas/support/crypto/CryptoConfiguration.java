package com.onsiteatlas.support.crypto;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The rekey endpoint of a service that stores ciphertexts: present when the service
 * contributes at least one {@link Rekeying} bean (gateway and registry hold none).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(Rekeying.class)
public class CryptoConfiguration {

	@Bean
	Rekeyings rekeyings(@Value("${spring.application.name:this service}") String service, List<Rekeying> all) {
		return new Rekeyings(service, all);
	}

	@Bean
	RekeyController rekeyController(Rekeyings rekeyings) {
		return new RekeyController(rekeyings);
	}

}

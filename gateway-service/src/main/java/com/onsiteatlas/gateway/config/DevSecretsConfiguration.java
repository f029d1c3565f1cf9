package com.onsiteatlas.gateway.config;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

import com.onsiteatlas.identity.secrets.DevSecrets;

/**
 * The gateway refuses to start while its configuration holds one of this repository's
 * public development secrets, unless {@value DevSecrets#ALLOWED_PROPERTY} says this is a
 * development machine (docs/security.md, issue 15 item 6).
 */
@Configuration(proxyBeanMethods = false)
class DevSecretsConfiguration {

	@Bean
	InitializingBean devSecretsRefusal(ConfigurableEnvironment environment) {
		return () -> DevSecrets.refuseUnlessAllowed(environment);
	}

}

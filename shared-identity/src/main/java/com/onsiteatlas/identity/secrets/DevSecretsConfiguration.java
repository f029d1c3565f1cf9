package com.onsiteatlas.identity.secrets;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Every Spring Boot application of the suite (registry, gateway and the business
 * services) refuses to start while its configuration holds one of this repository's
 * public development secrets, unless {@value DevSecrets#ALLOWED_PROPERTY} says this is a
 * development machine (docs/security.md, issue 15 item 6). Registered as an
 * auto-configuration, so an application gets the rule by having this module on its
 * classpath.
 */
@AutoConfiguration
public class DevSecretsConfiguration {

	@Bean
	InitializingBean atlasDevSecretsRefusal(ConfigurableEnvironment environment) {
		return () -> DevSecrets.refuseUnlessAllowed(environment);
	}

}

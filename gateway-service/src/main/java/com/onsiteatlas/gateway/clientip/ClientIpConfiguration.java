package com.onsiteatlas.gateway.clientip;

import com.onsiteatlas.gateway.config.AtlasGatewayProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link ClientIpResolver} configured with
 * {@code atlas.gateway.trusted-proxies}.
 */
@Configuration(proxyBeanMethods = false)
class ClientIpConfiguration {

	@Bean
	ClientIpResolver clientIpResolver(AtlasGatewayProperties properties) {
		return ClientIpResolver.fromCidrs(properties.trustedProxies());
	}

}

package com.onsiteatlas.support.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timeouts of the MongoDB client. The driver's default server selection timeout is 30 s,
 * so with the database down every request would hang for half a minute; with these
 * defaults it fails within seconds and {@link JsonErrorHandler} answers 503.
 *
 * @param serverSelection how long to wait for a usable server
 * @param connect TCP connect timeout
 * @param read socket read timeout of a single operation
 */
@ConfigurationProperties("atlas.mongo.timeouts")
public record MongoTimeouts(@DefaultValue("3s") Duration serverSelection, @DefaultValue("2s") Duration connect,
		@DefaultValue("15s") Duration read) {

	MongoClientSettingsBuilderCustomizer customizer() {
		return (builder) -> builder
			.applyToClusterSettings(
					(cluster) -> cluster.serverSelectionTimeout(this.serverSelection.toMillis(), TimeUnit.MILLISECONDS))
			.applyToSocketSettings(
					(socket) -> socket.connectTimeout((int) this.connect.toMillis(), TimeUnit.MILLISECONDS)
						.readTimeout((int) this.read.toMillis(), TimeUnit.MILLISECONDS));
	}

}

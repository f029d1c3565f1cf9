package com.onsiteatlas.lodging.manifest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Manifest defaults.
 *
 * @param windowMinutes the default length of a pick-up window
 */
@ConfigurationProperties("atlas.lodging.manifest")
record ManifestProperties(@DefaultValue("60") int windowMinutes) {
}

package com.onsiteatlas.reporting.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Delivery settings ({@code atlas.reporting.delivery.*}).
 *
 * @param mailFrom sender address of report e-mails
 * @param attachmentLimit files above this size are sent as a download link
 * @param publicBaseUrl base URL of the gateway, for download links
 * @param googleDriveUrl base URL of the Google Drive API
 * @param dropboxUrl base URL of the Dropbox content API
 * @param timeout timeout of each upload or SMTP send
 */
@ConfigurationProperties("atlas.reporting.delivery")
public record DeliveryProperties(@DefaultValue("reports@onsiteatlas.local") String mailFrom,
		@DefaultValue("10MB") DataSize attachmentLimit, @DefaultValue("http://localhost:8080") String publicBaseUrl,
		@DefaultValue("https://www.googleapis.com") String googleDriveUrl,
		@DefaultValue("https://content.dropboxapi.com") String dropboxUrl, @DefaultValue("60s") Duration timeout) {
}

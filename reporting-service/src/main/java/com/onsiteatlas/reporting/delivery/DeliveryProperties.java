package com.onsiteatlas.reporting.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param google Google OAuth client and resumable uploads
 * @param dropbox Dropbox OAuth client and upload sessions
 * @param tokenRefreshMargin a refreshed access token is used until this long before it
 * expires
 */
@ConfigurationProperties("atlas.reporting.delivery")
public record DeliveryProperties(@DefaultValue("reports@onsiteatlas.local") String mailFrom,
		@DefaultValue("10MB") DataSize attachmentLimit, @DefaultValue("http://localhost:8080") String publicBaseUrl,
		@DefaultValue("https://www.googleapis.com") String googleDriveUrl,
		@DefaultValue("https://content.dropboxapi.com") String dropboxUrl, @DefaultValue("60s") Duration timeout,
		@DefaultValue Google google, @DefaultValue Dropbox dropbox, @DefaultValue("60s") Duration tokenRefreshMargin) {

	/** Google Drive needs every chunk but the last in multiples of 256 KiB. */
	static final long GOOGLE_CHUNK_UNIT = 256 * 1024;

	/** Dropbox takes at most 150 MiB in one request. */
	static final long DROPBOX_MAX_REQUEST = 150L * 1024 * 1024;

	@ConstructorBinding
	public DeliveryProperties {
		if (google.chunkSize().toBytes() <= 0 || google.chunkSize().toBytes() % GOOGLE_CHUNK_UNIT != 0) {
			throw new IllegalArgumentException(
					"atlas.reporting.delivery.google.chunk-size must be a positive multiple of 256KB, got "
							+ google.chunkSize());
		}
		if (dropbox.chunkSize().toBytes() <= 0 || dropbox.chunkSize().toBytes() > DROPBOX_MAX_REQUEST) {
			throw new IllegalArgumentException(
					"atlas.reporting.delivery.dropbox.chunk-size must be between 1B and 150MB, got "
							+ dropbox.chunkSize());
		}
	}

	/**
	 * Settings with the default OAuth clients (none), upload thresholds and token margin.
	 * @param mailFrom sender address of report e-mails
	 * @param attachmentLimit files above this size are sent as a download link
	 * @param publicBaseUrl base URL of the gateway, for download links
	 * @param googleDriveUrl base URL of the Google Drive API
	 * @param dropboxUrl base URL of the Dropbox content API
	 * @param timeout timeout of each upload or SMTP send
	 */
	public DeliveryProperties(String mailFrom, DataSize attachmentLimit, String publicBaseUrl, String googleDriveUrl,
			String dropboxUrl, Duration timeout) {
		this(mailFrom, attachmentLimit, publicBaseUrl, googleDriveUrl, dropboxUrl, timeout, Google.defaults(),
				Dropbox.defaults(), Duration.ofSeconds(60));
	}

	/**
	 * The operator's Google OAuth client and when Drive uploads are resumable.
	 *
	 * @param clientId OAuth client id, used when a schedule names none
	 * @param clientSecret its secret
	 * @param tokenUrl the token endpoint of the refresh grant
	 * @param resumableAbove files above this size go up in a resumable upload (Google
	 * takes 5 MB at most in one multipart request)
	 * @param chunkSize bytes per PUT of a resumable upload, a multiple of 256KB
	 */
	public record Google(String clientId, String clientSecret,
			@DefaultValue("https://oauth2.googleapis.com/token") String tokenUrl,
			@DefaultValue("5MB") DataSize resumableAbove, @DefaultValue("8MB") DataSize chunkSize) {

		static Google defaults() {
			return new Google(null, null, "https://oauth2.googleapis.com/token", DataSize.ofMegabytes(5),
					DataSize.ofMegabytes(8));
		}

	}

	/**
	 * The operator's Dropbox app and when uploads use an upload session.
	 *
	 * @param clientId app key, used when a schedule names none
	 * @param clientSecret app secret
	 * @param tokenUrl the token endpoint of the refresh grant
	 * @param sessionAbove files above this size go up in an upload session (Dropbox takes
	 * 150 MB at most in one request)
	 * @param chunkSize bytes per request of an upload session, 150MB at most
	 */
	public record Dropbox(String clientId, String clientSecret,
			@DefaultValue("https://api.dropboxapi.com/oauth2/token") String tokenUrl,
			@DefaultValue("150MB") DataSize sessionAbove, @DefaultValue("8MB") DataSize chunkSize) {

		static Dropbox defaults() {
			return new Dropbox(null, null, "https://api.dropboxapi.com/oauth2/token", DataSize.ofMegabytes(150),
					DataSize.ofMegabytes(8));
		}

	}

}

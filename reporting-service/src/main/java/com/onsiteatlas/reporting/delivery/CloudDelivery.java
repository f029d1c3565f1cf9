package com.onsiteatlas.reporting.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import com.onsiteatlas.support.destination.CheckedAddressResolverGroup;
import com.onsiteatlas.support.destination.DestinationPolicy;
import com.onsiteatlas.support.signing.SigV4;
import com.onsiteatlas.support.destination.DestinationRefusedException;

/**
 * Uploads report files to S3-compatible storage, Google Drive or Dropbox over HTTP. Each
 * request has a timeout; connection failures and 5xx/429 answers are retried twice, other
 * errors fail at once with the provider's status.
 * <p>
 * Google Drive and Dropbox get their access tokens from {@link AccessTokens} (the
 * schedule's refresh token, kept fresh in memory) and send large files in resumable or
 * session uploads ({@link GoogleDriveUpload}, {@link DropboxUpload}). Their base and
 * token URLs are the operator's configuration, never the schedule's.
 * <p>
 * An S3 {@code endpoint} is the organiser's choice: it is checked against the
 * {@link DestinationPolicy} before every upload and reached through a client whose
 * resolver checks every address again (DNS rebinding), and the bucket must be a bucket
 * name. A failure is an {@link UploadFailedException}: the class of the failure, never
 * the provider's answer.
 */
@Component
public class CloudDelivery {

	private static final String GOOGLE_DRIVE = "google-drive";

	private static final String DROPBOX = "dropbox";

	/** The request field an S3 endpoint comes from. */
	public static final String ENDPOINT_FIELD = "delivery.cloudStorage.config.endpoint";

	/**
	 * S3 bucket names (with the upper case and {@code _} that older buckets and
	 * S3-compatible stores allow); never {@code /}, so the bucket cannot change the path.
	 */
	private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

	private final WebClient http;

	private final WebClient organiserHttp;

	private final DeliveryProperties properties;

	private final DestinationPolicy destinations;

	private final Clock clock;

	private final GoogleDriveUpload drive;

	private final DropboxUpload dropbox;

	CloudDelivery(WebClient.Builder builder, DeliveryProperties properties, DestinationPolicy destinations,
			Clock clock) {
		this.http = builder.clone().codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024)).build();
		HttpClient checked = HttpClient.create()
			.resolver(new CheckedAddressResolverGroup(destinations, ENDPOINT_FIELD));
		this.organiserHttp = builder.clone()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024))
			.clientConnector(new ReactorClientHttpConnector(checked))
			.build();
		this.properties = properties;
		this.destinations = destinations;
		this.clock = clock;
		AccessTokens tokens = new AccessTokens(this.http, clock, properties.tokenRefreshMargin(), properties.timeout());
		this.drive = new GoogleDriveUpload(this.http, tokens, properties);
		this.dropbox = new DropboxUpload(this.http, tokens, properties);
	}

	/**
	 * Checks an S3 target when a schedule is saved.
	 * @param config the provider settings
	 * @throws DestinationRefusedException when the endpoint may not be reached or the
	 * bucket is not a bucket name
	 */
	public void checkS3AtSave(Map<String, Object> config) {
		Object endpoint = config.get("endpoint");
		if (endpoint != null && !endpoint.toString().isBlank()) {
			this.destinations.checkUrlAtSave(ENDPOINT_FIELD, endpoint.toString());
		}
		Object bucket = config.get("bucket");
		if (bucket != null && !validBucket(bucket.toString())) {
			throw new DestinationRefusedException("delivery.cloudStorage.config.bucket",
					"delivery.cloudStorage.config.bucket must be a bucket name (letters, digits, '.', '_', '-')");
		}
	}

	private static boolean validBucket(String bucket) {
		return BUCKET.matcher(bucket).matches() && !bucket.contains("..");
	}

	/**
	 * Uploads a file.
	 * @param provider s3, google-drive or dropbox
	 * @param path folder or key prefix
	 * @param config provider settings (see docs/reporting.md)
	 * @param file the file (with bytes)
	 * @return where it went
	 */
	public Mono<String> upload(String provider, String path, Map<String, Object> config, ReportFile file) {
		Map<String, Object> settings = (config != null) ? config : Map.of();
		Mono<String> upload = switch ((provider != null) ? provider : "") {
			// S3 is one request; Drive and Dropbox time each of theirs (a large file
			// takes many).
			case "s3" -> s3(path, settings, file).timeout(this.properties.timeout());
			case "google-drive" ->
				this.drive.upload(settings, oauth(GOOGLE_DRIVE, settings, this.properties.google().tokenUrl(),
						this.properties.google().clientId(), this.properties.google().clientSecret()), file);
			case "dropbox" ->
				this.dropbox
					.upload("/" + join(path, file.name()),
							oauth(DROPBOX, settings, this.properties.dropbox().tokenUrl(),
									this.properties.dropbox().clientId(), this.properties.dropbox().clientSecret()),
							file);
			default -> Mono.error(new IllegalArgumentException("Unknown cloud storage provider '" + provider + "'"));
		};
		String name = (provider != null) ? provider : "";
		return upload.retryWhen(Retry.backoff(2, Duration.ofMillis(500)).filter(CloudDelivery::transient_))
			.onErrorMap(Exceptions::isRetryExhausted, Throwable::getCause)
			.onErrorMap(CloudDelivery::fromProvider,
					(ex) -> new UploadFailedException(name, UploadFailure.of(ex), UploadFailure.status(ex)));
	}

	/**
	 * Whether a failure came from reaching the provider (and may carry its words), not
	 * from our own checks of the settings, whose messages are ours.
	 */
	private static boolean fromProvider(Throwable ex) {
		return !(ex instanceof IllegalArgumentException) && !(ex instanceof DestinationRefusedException);
	}

	private static boolean transient_(Throwable ex) {
		if (ex instanceof WebClientResponseException response) {
			return response.getStatusCode().is5xxServerError() || response.getStatusCode().value() == 429;
		}
		return ex instanceof WebClientRequestException;
	}

	private Mono<String> s3(String path, Map<String, Object> config, ReportFile file) {
		String endpoint = required(config, "endpoint").replaceAll("/+$", "");
		String bucket = required(config, "bucket");
		if (!validBucket(bucket)) {
			return Mono.error(new IllegalArgumentException("Cloud storage config 'bucket' is not a bucket name"));
		}
		try {
			this.destinations.checkUrlAtConnect(ENDPOINT_FIELD, endpoint);
		}
		catch (DestinationRefusedException ex) {
			return Mono.error(ex);
		}
		String key = join(path, file.name());
		// SigV4's encoding, not UriUtils.encodePath: that one leaves ( ) + , ; = ! $ & '
		// as they are, and S3 then computes another canonical URI than the one signed.
		URI uri = URI.create(endpoint + "/" + SigV4.encodePath(bucket + "/" + key));
		Map<String, String> headers = SigV4.signS3("PUT", uri, Map.of("content-type", file.contentType()),
				SigV4.sha256Hex(file.bytes()),
				new SigV4.Credentials(required(config, "accessKeyId"), required(config, "secretAccessKey")),
				String.valueOf(config.getOrDefault("region", "us-east-1")), this.clock.instant());
		return this.organiserHttp.put()
			.uri(uri)
			.headers((h) -> headers.forEach(h::set))
			.bodyValue(file.bytes())
			.retrieve()
			.toBodilessEntity()
			.thenReturn("s3://" + bucket + "/" + key);
	}

	/**
	 * The OAuth client of an account: the schedule's own {@code clientId} and
	 * {@code clientSecret} when it names one, otherwise the operator's.
	 */
	private static OAuthClient oauth(String provider, Map<String, Object> config, String tokenUrl,
			String operatorClientId, String operatorClientSecret) {
		String clientId = text(config, "clientId");
		String clientSecret = (clientId != null) ? text(config, "clientSecret") : operatorClientSecret;
		return new OAuthClient(provider, tokenUrl, (clientId != null) ? clientId : operatorClientId, clientSecret,
				text(config, "refreshToken"), text(config, "accessToken"));
	}

	private static String text(Map<String, Object> config, String key) {
		Object value = config.get(key);
		return (value != null && !value.toString().isBlank()) ? value.toString() : null;
	}

	private static String join(String path, String name) {
		String folder = (path != null) ? path.replaceAll("^/+|/+$", "") : "";
		return folder.isEmpty() ? name : folder + "/" + name;
	}

	private static String required(Map<String, Object> config, String key) {
		Object value = config.get(key);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalArgumentException("Cloud storage config needs '" + key + "'");
		}
		return value.toString();
	}

}

package com.onsiteatlas.reporting.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import com.onsiteatlas.support.destination.CheckedAddressResolverGroup;
import com.onsiteatlas.support.destination.DestinationPolicy;
import com.onsiteatlas.support.destination.DestinationRefusedException;

/**
 * Uploads report files to S3-compatible storage, Google Drive or Dropbox over HTTP. Each
 * call has a timeout; connection failures and 5xx/429 answers are retried twice, other
 * errors fail at once with the provider's status.
 * <p>
 * An S3 {@code endpoint} is the organiser's choice: it is checked against the
 * {@link DestinationPolicy} before every upload and reached through a client whose
 * resolver checks every address again (DNS rebinding), and the bucket must be a bucket
 * name. A failure is an {@link UploadFailedException}: the class of the failure, never
 * the provider's answer.
 */
@Component
public class CloudDelivery {

	private static final ObjectMapper JSON = new ObjectMapper();

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
			case "s3" -> s3(path, settings, file);
			case "google-drive" -> drive(settings, file);
			case "dropbox" -> dropbox(path, settings, file);
			default -> Mono.error(new IllegalArgumentException("Unknown cloud storage provider '" + provider + "'"));
		};
		String name = (provider != null) ? provider : "";
		return upload.timeout(this.properties.timeout())
			.retryWhen(Retry.backoff(2, Duration.ofMillis(500)).filter(CloudDelivery::transient_))
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
		Map<String, String> headers = SigV4.sign("PUT", uri, Map.of("content-type", file.contentType()),
				SigV4.sha256Hex(file.bytes()), required(config, "accessKeyId"), required(config, "secretAccessKey"),
				String.valueOf(config.getOrDefault("region", "us-east-1")), "s3", this.clock.instant());
		return this.organiserHttp.put()
			.uri(uri)
			.headers((h) -> headers.forEach(h::set))
			.bodyValue(file.bytes())
			.retrieve()
			.toBodilessEntity()
			.thenReturn("s3://" + bucket + "/" + key);
	}

	private Mono<String> drive(Map<String, Object> config, ReportFile file) {
		String boundary = "atlas-" + UUID.randomUUID();
		Map<String, Object> metadata = (config.get("folderId") != null)
				? Map.of("name", file.name(), "parents", List.of(config.get("folderId"))) : Map.of("name", file.name());
		byte[] head;
		try {
			head = ("--" + boundary + "\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
					+ JSON.writeValueAsString(metadata) + "\r\n--" + boundary + "\r\nContent-Type: "
					+ file.contentType() + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8);
		}
		catch (JsonProcessingException ex) {
			return Mono.error(ex);
		}
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + file.bytes().length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(file.bytes(), 0, body, head.length, file.bytes().length);
		System.arraycopy(tail, 0, body, head.length + file.bytes().length, tail.length);
		return this.http.post()
			.uri(this.properties.googleDriveUrl() + "/upload/drive/v3/files?uploadType=multipart")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + required(config, "accessToken"))
			.contentType(MediaType.parseMediaType("multipart/related; boundary=" + boundary))
			.bodyValue(body)
			.retrieve()
			.bodyToMono(Map.class)
			.map((answer) -> "google-drive:" + answer.getOrDefault("id", file.name()));
	}

	private Mono<String> dropbox(String path, Map<String, Object> config, ReportFile file) {
		String target = "/" + join(path, file.name());
		String arg;
		try {
			arg = JSON.writeValueAsString(Map.of("path", target, "mode", "add", "autorename", true, "mute", false));
		}
		catch (JsonProcessingException ex) {
			return Mono.error(ex);
		}
		// Dropbox-API-Arg must be ASCII: escape everything else as \\uXXXX (Dropbox's
		// rule).
		StringBuilder ascii = new StringBuilder();
		arg.chars().forEach((c) -> ascii.append((c < 0x7f) ? String.valueOf((char) c) : String.format("\\u%04x", c)));
		return this.http.post()
			.uri(this.properties.dropboxUrl() + "/2/files/upload")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + required(config, "accessToken"))
			.header("Dropbox-API-Arg", ascii.toString())
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(file.bytes())
			.retrieve()
			.toBodilessEntity()
			.thenReturn("dropbox:" + target);
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

package com.onsiteatlas.support.signing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 without the AWS SDK: canonical request (method, path, sorted
 * and encoded query, signed headers, payload hash), string to sign, derived key and the
 * {@code Authorization} header. The same class signs a Query API call (SNS
 * {@code Publish}) and an S3 upload ({@link #signS3}, which also signs
 * {@code x-amz-content-sha256} as S3 requires).
 */
public final class SigV4 {

	/** The algorithm named in the header and the string to sign. */
	public static final String ALGORITHM = "AWS4-HMAC-SHA256";

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String HEX = "0123456789ABCDEF";

	private SigV4() {
	}

	/**
	 * An access key.
	 *
	 * @param accessKeyId access key id
	 * @param secretAccessKey secret access key
	 */
	public record Credentials(String accessKeyId, String secretAccessKey) {

		@Override
		public String toString() {
			return "Credentials[" + this.accessKeyId + "]";
		}

	}

	/**
	 * Signs a request: host and {@code x-amz-date} are added to the given headers and
	 * signed with them; the query string of the URI is signed in its canonical form.
	 * @param method HTTP method
	 * @param uri full URI; its raw path (already encoded, as sent) is the canonical URI
	 * @param headers headers to sign besides host and x-amz-date (e.g. content-type)
	 * @param payloadHash hex SHA-256 of the body ({@link #sha256Hex})
	 * @param credentials the access key
	 * @param region region ({@code eu-west-1})
	 * @param service service ({@code sns})
	 * @param now signing time
	 * @return the headers to send besides host: the given ones, {@code x-amz-date} and
	 * {@code Authorization}
	 */
	public static Map<String, String> sign(String method, URI uri, Map<String, String> headers, String payloadHash,
			Credentials credentials, String region, String service, Instant now) {
		String amzDate = AMZ_DATE.format(now);
		String day = amzDate.substring(0, 8);
		TreeMap<String, String> signed = new TreeMap<>();
		headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value.trim()));
		signed.put("host", host(uri));
		signed.put("x-amz-date", amzDate);
		String signedHeaders = String.join(";", signed.keySet());
		String canonicalHeaders = signed.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + ":" + entry.getValue() + "\n")
			.collect(Collectors.joining());
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		String canonicalRequest = method + "\n" + path + "\n" + canonicalQuery(uri.getRawQuery()) + "\n"
				+ canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
		String scope = day + "/" + region + "/" + service + "/aws4_request";
		String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
				+ sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
		byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), day);
		key = hmac(key, region);
		key = hmac(key, service);
		key = hmac(key, "aws4_request");
		String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
		Map<String, String> result = new LinkedHashMap<>(headers);
		result.put("X-Amz-Date", amzDate);
		result.put("Authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
				+ ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
		return result;
	}

	/**
	 * Signs an S3 request, which also signs {@code x-amz-content-sha256}.
	 * @param method HTTP method
	 * @param uri full URI whose raw path is encoded with {@link #encodePath}
	 * @param headers headers to sign besides host, x-amz-date and x-amz-content-sha256
	 * @param payloadHash hex SHA-256 of the body (or {@code UNSIGNED-PAYLOAD})
	 * @param credentials the access key
	 * @param region region
	 * @param now signing time
	 * @return the headers to send besides host, with {@code x-amz-content-sha256}
	 */
	public static Map<String, String> signS3(String method, URI uri, Map<String, String> headers, String payloadHash,
			Credentials credentials, String region, Instant now) {
		Map<String, String> withHash = new LinkedHashMap<>(headers);
		withHash.put("x-amz-content-sha256", payloadHash);
		return sign(method, uri, withHash, payloadHash, credentials, region, "s3", now);
	}

	/**
	 * The host header value SigV4 signs: the port only when it is not the scheme's.
	 * @param uri the request URI
	 * @return host[:port]
	 */
	public static String host(URI uri) {
		boolean defaultPort = uri.getPort() < 0 || ("http".equalsIgnoreCase(uri.getScheme()) && uri.getPort() == 80)
				|| ("https".equalsIgnoreCase(uri.getScheme()) && uri.getPort() == 443);
		return uri.getHost() + (defaultPort ? "" : ":" + uri.getPort());
	}

	/**
	 * The canonical query string: each name and value decoded and re-encoded with
	 * {@link #encode}, sorted by name, then value.
	 * @param rawQuery the raw query, or null
	 * @return the canonical query, empty without one
	 */
	static String canonicalQuery(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		List<String[]> pairs = new ArrayList<>();
		for (String part : rawQuery.split("&")) {
			if (part.isEmpty()) {
				continue;
			}
			int eq = part.indexOf('=');
			String name = (eq < 0) ? part : part.substring(0, eq);
			String value = (eq < 0) ? "" : part.substring(eq + 1);
			pairs.add(new String[] { encode(decode(name)), encode(decode(value)) });
		}
		pairs.sort((a, b) -> (a[0].equals(b[0])) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
		return pairs.stream().map((pair) -> pair[0] + "=" + pair[1]).collect(Collectors.joining("&"));
	}

	/**
	 * Encodes a query name or value (or a form field) as SigV4 wants it: every UTF-8 byte
	 * except {@code A-Z a-z 0-9 - _ . ~} becomes {@code %XX} (upper-case hex).
	 * @param text the text
	 * @return the encoded text
	 */
	public static String encode(String text) {
		return percentEncode(text, false);
	}

	/**
	 * Encodes an object key (or any path) for the canonical URI: as {@link #encode} but
	 * {@code /} stays. The same text must be the path sent.
	 * @param path the path, not encoded
	 * @return the encoded path
	 */
	public static String encodePath(String path) {
		return percentEncode(path, true);
	}

	private static String percentEncode(String text, boolean keepSlash) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '.' || c == '~' || (keepSlash && c == '/')) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
			}
		}
		return encoded.toString();
	}

	private static String decode(String text) {
		return java.net.URLDecoder.decode(text.replace("+", "%20"), StandardCharsets.UTF_8);
	}

	/**
	 * Hex SHA-256, the payload hash.
	 * @param data the bytes
	 * @return lower-case hex
	 */
	public static String sha256Hex(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

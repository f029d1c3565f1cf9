package com.onsiteatlas.reporting.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for S3-compatible endpoints (AWS, MinIO, Ceph, ...), without
 * the AWS SDK: canonical request, string to sign, derived key, {@code Authorization}
 * header. Query strings are not signed (uploads do not use them).
 */
public final class SigV4 {

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String HEX = "0123456789ABCDEF";

	private SigV4() {
	}

	/**
	 * Signs a request.
	 * @param method HTTP method
	 * @param uri full URI whose raw path is already encoded with {@link #encodePath}; it
	 * is the canonical URI as it is, so it must be the path sent
	 * @param headers headers to sign besides host, x-amz-date and x-amz-content-sha256
	 * @param payloadHash hex SHA-256 of the body (or {@code UNSIGNED-PAYLOAD})
	 * @param accessKey access key id
	 * @param secretKey secret key
	 * @param region region ({@code us-east-1})
	 * @param service service ({@code s3})
	 * @param now signing time
	 * @return all headers to send: the given ones plus host, x-amz-date,
	 * x-amz-content-sha256 and Authorization
	 */
	public static Map<String, String> sign(String method, URI uri, Map<String, String> headers, String payloadHash,
			String accessKey, String secretKey, String region, String service, Instant now) {
		String amzDate = AMZ_DATE.format(now);
		String day = amzDate.substring(0, 8);
		TreeMap<String, String> signed = new TreeMap<>();
		headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value.trim()));
		String host = uri.getHost()
				+ ((uri.getPort() > 0 && uri.getPort() != 80 && uri.getPort() != 443) ? ":" + uri.getPort() : "");
		signed.put("host", host);
		signed.put("x-amz-date", amzDate);
		signed.put("x-amz-content-sha256", payloadHash);
		String signedHeaders = String.join(";", signed.keySet());
		String canonicalHeaders = signed.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + ":" + entry.getValue() + "\n")
			.collect(Collectors.joining());
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		String canonicalRequest = method + "\n" + path + "\n" + "" + "\n" + canonicalHeaders + "\n" + signedHeaders
				+ "\n" + payloadHash;
		String scope = day + "/" + region + "/" + service + "/aws4_request";
		String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
				+ sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
		byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
		key = hmac(key, region);
		key = hmac(key, service);
		key = hmac(key, "aws4_request");
		String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
		Map<String, String> result = new TreeMap<>(signed);
		result.remove("host");
		result.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders="
				+ signedHeaders + ", Signature=" + signature);
		return result;
	}

	/**
	 * Encodes an object key (or any path) the way SigV4's canonical URI wants it: every
	 * UTF-8 byte except the unreserved characters {@code A-Z a-z 0-9 - _ . ~} and
	 * {@code /} becomes {@code %XX} (upper-case hex). The same text must be the path
	 * sent, so that what S3 canonicalises is what was signed.
	 * @param path the path, not encoded
	 * @return the encoded path
	 */
	public static String encodePath(String path) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '.' || c == '~' || c == '/') {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
			}
		}
		return encoded.toString();
	}

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

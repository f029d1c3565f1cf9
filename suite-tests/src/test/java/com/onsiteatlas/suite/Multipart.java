package com.onsiteatlas.suite;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body, built by hand so that a test can put any file name
 * (traversal, NUL, absolute paths) on the wire unchanged.
 */
final class Multipart {

	private final String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	static Multipart of() {
		return new Multipart();
	}

	Multipart field(String name, String value) {
		write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
				+ "\r\n");
		return this;
	}

	Multipart file(String name, String fileName, String contentType, byte[] bytes) {
		write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		this.body.writeBytes(bytes);
		write("\r\n");
		return this;
	}

	byte[] bytes() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(this.body.toByteArray());
		out.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	Map<String, String> headers(String token) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (token != null) {
			headers.put("Authorization", "Bearer " + token);
		}
		headers.put("Content-Type", "multipart/form-data; boundary=" + this.boundary);
		return headers;
	}

	private void write(String text) {
		this.body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}

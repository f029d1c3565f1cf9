package com.onsiteatlas.suite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A minimal HTTP/1.1 client whose connections leave from a chosen loopback address. The
 * gateway rate-limits per client IP (500 requests a minute); the security matrix and the
 * bad-input corpus send thousands of requests, so they rotate through addresses of
 * 127.0.0.0/8 as that many distinct clients would, and leave the bucket of 127.0.0.1 to
 * the other suite tests. (JDK 17's {@code HttpClient} cannot bind a local address.)
 */
final class ClientAddressHttp {

	/** Requests sent from one address before moving to the next: below the limit. */
	private static final int REQUESTS_PER_ADDRESS = 400;

	private final int secondOctet;

	private final AtomicInteger sent = new AtomicInteger();

	/**
	 * @param secondOctet the {@code 127.x.0.0/16} range this client's addresses come from
	 * (one per test class, so that classes never share a bucket)
	 */
	ClientAddressHttp(int secondOctet) {
		this.secondOctet = secondOctet;
	}

	record Reply(int status, Map<String, String> headers, byte[] bytes) {

		String text() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		JsonNode json() {
			try {
				return (this.bytes.length == 0) ? Platform.JSON.nullNode() : Platform.JSON.readTree(this.bytes);
			}
			catch (IOException ex) {
				return Platform.JSON.nullNode();
			}
		}

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	Reply send(String method, String pathAndQuery, String token, String contentType, byte[] body) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (token != null) {
			headers.put("Authorization", "Bearer " + token);
		}
		if (contentType != null) {
			headers.put("Content-Type", contentType);
		}
		return send(method, pathAndQuery, headers, body);
	}

	Reply json(String method, String pathAndQuery, String token, Object body) {
		try {
			byte[] bytes = (body == null) ? null : (body instanceof byte[] raw) ? raw : (body instanceof String text)
					? text.getBytes(StandardCharsets.UTF_8) : Platform.JSON.writeValueAsBytes(body);
			return send(method, pathAndQuery, token, (bytes != null) ? "application/json" : null, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Reply send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
		URI gateway = URI.create(SuiteHarness.get().gateway());
		int n = this.sent.getAndIncrement() / REQUESTS_PER_ADDRESS;
		String local = "127." + this.secondOctet + "." + (n / 250) + "." + (n % 250 + 1);
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(local, 0));
			socket.connect(new InetSocketAddress(gateway.getHost(), gateway.getPort()), 5000);
			socket.setSoTimeout(120_000);
			StringBuilder head = new StringBuilder();
			head.append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n");
			head.append("Host: ").append(gateway.getHost()).append(':').append(gateway.getPort()).append("\r\n");
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (body != null || !method.equals("GET")) {
				head.append("Content-Length: ").append((body != null) ? body.length : 0).append("\r\n");
			}
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			if (body != null) {
				try {
					out.write(body);
				}
				catch (IOException ex) {
					// The gateway may answer (413, 401) and close before reading a large
					// body.
				}
			}
			out.flush();
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + pathAndQuery + " from " + local, ex);
		}
	}

	/**
	 * Reads one response by its framing (Content-Length or chunked), so that the
	 * connection is closed by us after a complete answer: a server that answers before
	 * reading the whole request body and then closes would otherwise reset the connection
	 * under an unread response.
	 */
	private static Reply read(InputStream raw) throws IOException {
		java.io.BufferedInputStream in = new java.io.BufferedInputStream(raw);
		ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("Connection closed before a complete response head: " + headBytes);
			}
			headBytes.write(b);
			matched = (b == ((matched % 2 == 0) ? '\r' : '\n')) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		String[] lines = headBytes.toString(StandardCharsets.UTF_8).trim().split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).trim());
		}
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			while (true) {
				String sizeLine = line(in).split(";")[0].trim();
				int size = Integer.parseInt(sizeLine, 16);
				if (size == 0) {
					line(in);
					break;
				}
				body.write(in.readNBytes(size));
				line(in);
			}
			return new Reply(status, headers, body.toByteArray());
		}
		if (headers.containsKey("content-length")) {
			return new Reply(status, headers, in.readNBytes(Integer.parseInt(headers.get("content-length"))));
		}
		return new Reply(status, headers, in.readAllBytes());
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

}

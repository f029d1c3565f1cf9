package com.onsiteatlas.launch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * What the launcher asks the running suite: health, Eureka's registrations, HTTP answers
 * and open ports.
 */
public final class Probes {

	private final SuitePlan plan;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	Probes(SuitePlan plan) {
		this.plan = plan;
	}

	/**
	 * The services and the gateway Eureka knows.
	 * @return their names, empty when the registry does not answer
	 */
	public List<String> registered() {
		String apps = body(this.plan.eurekaUrl() + "apps", "application/json");
		if (apps == null) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		for (String name : List.of("notification-service", "lodging-travel-service", "reporting-service",
				SuitePlan.GATEWAY)) {
			if (apps.contains("\"name\":\"" + name.toUpperCase(Locale.ROOT) + "\"")) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * Whether a service answers its health endpoint with 200 (UP).
	 * @param spec the service
	 * @return true when healthy
	 */
	public boolean healthy(ProcessSpec spec) {
		return status(this.plan.baseUrl(spec.port()) + "/actuator/health") == 200;
	}

	/**
	 * The body of a GET, or null when the request fails or does not answer 200.
	 * @param url the URL
	 * @param accept the Accept header
	 * @return the body
	 */
	public String body(String url, String accept) {
		try {
			HttpResponse<String> response = this.http
				.send(withBasicAuthFromUserInfo(URI.create(url)).header("Accept", accept)
					.timeout(Duration.ofSeconds(3))
					.build(), HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? response.body() : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * The status of a GET.
	 * @param url the URL
	 * @return the status, 0 when the request fails
	 */
	int status(String url) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	/**
	 * A request to the URI without its user info, which becomes an HTTP Basic header (the
	 * JDK's client ignores user info in a URI).
	 */
	static HttpRequest.Builder withBasicAuthFromUserInfo(URI uri) {
		if (uri.getRawUserInfo() == null) {
			return HttpRequest.newBuilder(uri);
		}
		String credentials = URLDecoder.decode(uri.getRawUserInfo().replace("+", "%2B"), StandardCharsets.UTF_8);
		URI bare = URI
			.create(uri.getScheme() + "://" + uri.getRawAuthority().substring(uri.getRawUserInfo().length() + 1)
					+ uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : ""));
		return HttpRequest.newBuilder(bare)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
	}

	static boolean portOpen(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}

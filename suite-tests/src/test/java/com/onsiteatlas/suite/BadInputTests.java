package com.onsiteatlas.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bad-input corpus on every write route (POST, PUT, PATCH, DELETE of the gateway's
 * OpenAPI documents), sent as the admin through the gateway: malformed ObjectIds in the
 * path and the body, wrong JSON types, 1 MB strings, 100,000-element arrays, 5,000-level
 * nesting, unicode edge cases, template-injection attempts, CSV/Excel formula injection
 * (checked in the exported files) and path traversal in uploaded file names. Every answer
 * is a 4xx with {@code {success:false, message}} (never a 5xx, never a hang) and leaves
 * the stored data as it was; where a value is legitimately accepted (an emoji in a name)
 * it comes back intact. See docs/security.md, "Bad input".
 */
@Order(3)
class BadInputTests {

	static final String ADMIN = SuiteFixtures.ADMIN;

	static final Pattern OBJECT_ID = Pattern.compile("(?<=/)[0-9a-f]{24}(?=/|$|\\?)");

	static final List<String> BAD_PATH_IDS = List.of("not-an-objectid", "65f0a00000000000000000",
			"65f0a0000000000000000zzz", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "%7B%22%24ne%22%3Anull%7D");

	static final String HUGE_STRING = "x".repeat(1024 * 1024);

	static final String HUGE_ARRAY = "[" + "0,".repeat(99_999) + "0]";

	static final String DEEP = "[".repeat(5000) + "]".repeat(5000);

	/** JSON string literals (escaped as a client would send them) and the value meant. */
	static final Map<String, String> UNICODE = new LinkedHashMap<>();

	static final List<String> INJECTION = List.of("{{constructor.constructor('return process')()}}", "${7*7}",
			"<%= 7*7 %>", "#{7*7}", "{{> evil}}", "=HYPERLINK(\"http://evil.test\",\"click\")", "+cmd|' /C calc'!A0",
			"@SUM(1+1)");

	static {
		UNICODE.put("\"lone \\ud800 surrogate\"", "lone \ud800 surrogate");
		UNICODE.put("\"nul \\u0000 inside\"", "nul \u0000 inside");
		UNICODE.put("\"invoice\\u202Efdp.exe\"", "invoice\u202Efdp.exe");
		UNICODE.put("\"Hotel 🏨 👩🏽‍💻 ✈️\"", "Hotel 🏨 👩🏽‍💻 ✈️");
		UNICODE.put("\"Ze\\u0301\\u0301\\u0301 combining ऩ\"", "Ze\u0301\u0301\u0301 combining ऩ");
	}

	static ClientAddressHttp http;

	static SuiteFixtures a;

	static SuiteRoutes routes;

	@BeforeAll
	static void createFixtures() {
		SuiteHarness.get();
		http = new ClientAddressHttp(22);
		a = new SuiteFixtures(http, 12);
		routes = new SuiteRoutes(http, a, a);
	}

	record Probe(String label, String method, String path, Map<String, String> headers, byte[] body,
			String roundTripField, String value) {

		boolean mayBeAccepted() {
			return this.roundTripField != null;
		}

	}

	@Test
	void everyWriteRouteRefusesBadInputWithAMessageAndKeepsTheStoredData() {
		List<String> problems = new ArrayList<>();
		int sent = 0;
		Set<String> writeRoutes = new TreeSet<>();
		for (String service : SuiteHarness.SERVICES) {
			for (String route : SecurityMatrixTests.openApiRoutes(http, service)) {
				if (!route.startsWith("GET ")) {
					writeRoutes.add(route);
				}
			}
		}
		assertThat(writeRoutes).hasSizeGreaterThan(40);
		for (String route : writeRoutes) {
			assertThat(routes.routes).as("a valid request for " + route).containsKey(route);
			SuiteRoutes.Req valid = routes.request(route, a);
			List<Probe> probes = corpus(valid);
			List<String> stateUrls = stateUrls(valid);
			if (stateUrls.isEmpty()) {
				assertThat(COMPUTE_ONLY).as(route + " has no read-back").contains(route);
			}
			Map<String, JsonNode> before = state(stateUrls);
			for (Probe probe : probes.stream().filter((p) -> !p.mayBeAccepted()).toList()) {
				ClientAddressHttp.Reply reply = send(probe);
				sent++;
				check(route, probe, reply, problems);
			}
			Map<String, JsonNode> after = state(stateUrls);
			for (String url : stateUrls) {
				if (!before.get(url).equals(after.get(url))) {
					problems.add(route + ": stored data changed by refused requests (" + url + ")\nbefore: "
							+ before.get(url) + "\nafter:  " + after.get(url));
				}
			}
			for (Probe probe : probes.stream().filter(Probe::mayBeAccepted).toList()) {
				ClientAddressHttp.Reply reply = send(probe);
				sent++;
				check(route, probe, reply, problems);
			}
		}
		assertThat(sent).isGreaterThan(500);
		writeProblems(problems);
		assertThat(problems).as(sent + " bad requests on " + writeRoutes.size() + " write routes").isEmpty();
	}

	/**
	 * The full list, for reading: the assertion message of a long list is hard to scan.
	 */
	static void writeProblems(List<String> problems) {
		try {
			java.nio.file.Path out = SecurityMatrixTests.root().resolve("suite-tests/target/bad-input-problems.txt");
			java.nio.file.Files.createDirectories(out.getParent());
			java.nio.file.Files.write(out, (String.join("\n", problems) + "\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ClientAddressHttp.Reply send(Probe probe) {
		Map<String, String> headers = new LinkedHashMap<>(probe.headers());
		headers.put("Authorization", "Bearer " + ADMIN);
		return http.send(probe.method(), probe.path(), headers, probe.body());
	}

	static void check(String route, Probe probe, ClientAddressHttp.Reply reply, List<String> problems) {
		String where = route + " [" + probe.label() + "]";
		int status = reply.status();
		if (status >= 500 || (!probe.mayBeAccepted() && (status < 400))) {
			problems.add(where + ": expected 4xx, got " + status + " " + SecurityMatrixTests.abbreviate(reply));
			return;
		}
		if (status >= 400) {
			JsonNode body = reply.json();
			if (!body.path("message").isTextual() || body.path("message").asText().isBlank()
					|| body.path("success").asBoolean(true)) {
				problems.add(where + ": " + status + " without {success:false, message}: "
						+ SecurityMatrixTests.abbreviate(reply));
			}
			return;
		}
		JsonNode stored = reply.json().path("data").path(probe.roundTripField());
		if (!stored.isTextual() || !stored.asText().equals(probe.value())) {
			problems.add(where + ": accepted (" + status + ") but " + probe.roundTripField() + " came back as " + stored
					+ " instead of " + Platform.JSON.valueToTree(probe.value()));
		}
	}

	/** The bad requests derived from one valid request. */
	static List<Probe> corpus(SuiteRoutes.Req valid) {
		List<Probe> probes = new ArrayList<>();
		Matcher ids = OBJECT_ID.matcher(valid.path());
		while (ids.find()) {
			for (String bad : BAD_PATH_IDS) {
				String path = valid.path().substring(0, ids.start()) + bad + valid.path().substring(ids.end());
				probes.add(new Probe("path id " + ids.start() + " = " + bad, valid.method(), path, valid.headers(),
						valid.body(), null, null));
			}
		}
		if (valid.path().startsWith("/api/notifications/unsubscribe/")) {
			probes.addAll(unsubscribeProbes(valid));
		}
		boolean json = "application/json".equals(valid.headers().get("Content-Type"));
		JsonNode body = json ? readTree(valid.body()) : null;
		if (body == null || !body.isObject() || body.isEmpty()) {
			return probes;
		}
		ObjectNode object = (ObjectNode) body;
		if (valid.path().startsWith("/api/reports/schedules") && object.has("report")) {
			probes.addAll(definitionProbes(valid, object));
		}
		for (String root : List.of("[]", "\"text\"", "42", "{", "{\"name\":", "nul\u0000", DEEP)) {
			probes.add(jsonProbe("root " + label(root), valid, root));
		}
		probes.add(jsonProbe("unknown field with 100k array", valid, with(object, "zzUnknown", HUGE_ARRAY)));
		// In name order: the body's own order comes from a Map.of, which differs from run
		// to run.
		for (String name : fieldNames(object)) {
			JsonNode value = object.get(name);
			probes.add(jsonProbe(name + " nested 5000 deep", valid, with(object, name, DEEP)));
			probes.add(jsonProbe(name + " = 100k array", valid, with(object, name, HUGE_ARRAY)));
			if (value.isTextual()) {
				probes.add(jsonProbe(name + " as object", valid, with(object, name, "{\"$gt\":\"\"}")));
				probes.add(jsonProbe(name + " as array", valid, with(object, name, "[\"x\"]")));
				probes.add(jsonProbe(name + " as number", valid, with(object, name, "42")));
				probes.add(jsonProbe(name + " as boolean", valid, with(object, name, "true")));
				probes.add(jsonProbe(name + " 1 MB", valid, with(object, name, quote(HUGE_STRING))));
				if (value.asText().matches("[0-9a-f]{24}")) {
					for (String bad : List.of("not-an-objectid", "65f0a0000000000000000zzz", "")) {
						probes.add(jsonProbe(name + " id " + label(bad), valid, with(object, name, quote(bad))));
					}
				}
			}
			else if (value.isArray()) {
				probes.add(jsonProbe(name + " as string", valid, with(object, name, "\"x\"")));
				probes.add(jsonProbe(name + " as object", valid, with(object, name, "{\"$where\":\"1\"}")));
			}
			else if (value.isObject()) {
				probes.add(jsonProbe(name + " as string", valid, with(object, name, "\"x\"")));
				probes.add(jsonProbe(name + " as array", valid, with(object, name, "[1,2]")));
			}
			else {
				probes.add(jsonProbe(name + " as object", valid, with(object, name, "{\"$ne\":null}")));
				probes.add(jsonProbe(name + " as text", valid, with(object, name, quote(value.asText()))));
			}
			nestedProbes(valid, object, List.of(name), value, probes);
		}
		String textField = textField(object);
		if (textField != null && !valid.method().equals("DELETE")) {
			for (Map.Entry<String, String> unicode : UNICODE.entrySet()) {
				probes.add(new Probe(textField + " unicode " + label(unicode.getKey()), valid.method(), valid.path(),
						valid.headers(), with(object, textField, unicode.getKey()).getBytes(StandardCharsets.UTF_8),
						textField, unicode.getValue()));
			}
			for (String injection : INJECTION) {
				probes.add(new Probe(textField + " injection " + injection, valid.method(), valid.path(),
						valid.headers(), with(object, textField, quote(injection)).getBytes(StandardCharsets.UTF_8),
						textField, injection));
			}
		}
		return probes;
	}

	/**
	 * A schedule of a built report ({@code definition}, the report builder's request)
	 * that the preview would refuse, that MongoDB could not store, or given next to
	 * another source.
	 */
	static List<Probe> definitionProbes(SuiteRoutes.Req valid, ObjectNode schedule) {
		ObjectNode built = schedule.deepCopy();
		built.remove("report");
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("unknown data type", "{\"reportType\":\"planets\"}");
		bad.put("unknown group field", "{\"reportType\":\"registrations\",\"groupBy\":[\"shoeSize\"]}");
		bad.put("unknown operator", "{\"reportType\":\"registrations\",\"filters\":[{\"field\":\"category\","
				+ "\"operator\":\"resembles\",\"value\":\"x\"}]}");
		bad.put("unknown metric",
				"{\"reportType\":\"registrations\",\"groupBy\":[\"category\"],\"metrics\":[{\"type\":\"median\"}]}");
		bad.put("unknown chart type",
				"{\"reportType\":\"registrations\",\"groupBy\":[\"category\"],\"chartType\":\"radar\"}");
		bad.put("operator key in a filter value", "{\"reportType\":\"registrations\",\"filters\":[{\"field\":"
				+ "\"category\",\"operator\":\"equals\",\"value\":{\"$gt\":\"\"}}]}");
		bad.put("no data type", "{\"groupBy\":[\"category\"]}");
		bad.put("as string", "\"registrations by category\"");
		bad.put("as array", "[1,2]");
		List<Probe> probes = new ArrayList<>();
		bad.forEach((label, definition) -> probes
			.add(jsonProbe("definition " + label, valid, with(built, "definition", definition))));
		probes.add(jsonProbe("definition next to report", valid,
				with(schedule, "definition", "{\"reportType\":\"registrations\",\"groupBy\":[\"category\"]}")));
		return probes;
	}

	static List<String> fieldNames(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.fieldNames().forEachRemaining(names::add);
		java.util.Collections.sort(names);
		return names;
	}

	/** Free-text fields, most telling first, for the unicode and injection probes. */
	static final List<String> TEXT_FIELDS = List.of("name", "subject", "contentHtml", "notes", "specialRequests",
			"description");

	/**
	 * The field the unicode and injection probes go to: the first free-text field of
	 * {@link #TEXT_FIELDS}, or else the first other text field by name that is no id,
	 * type, date or other constrained value.
	 */
	static String textField(ObjectNode object) {
		for (String name : TEXT_FIELDS) {
			if (object.path(name).isTextual()) {
				return name;
			}
		}
		for (String name : fieldNames(object)) {
			JsonNode value = object.get(name);
			if (value.isTextual() && !value.asText().matches("[0-9a-f]{24}")
					&& !name.matches("(?i).*(type|status|channel|format|report|event|date|night|id|roomType)$")) {
				return name;
			}
		}
		return null;
	}

	/**
	 * Wrong values inside a nested object (an arrival, a schedule, a delivery) or the
	 * first element of an array of objects (a trigger's templates, a hotel's room types).
	 */
	static void nestedProbes(SuiteRoutes.Req valid, ObjectNode body, List<Object> at, JsonNode value,
			List<Probe> probes) {
		JsonNode container = value;
		List<Object> base = at;
		if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
			container = value.get(0);
			base = append(at, 0);
		}
		if (!container.isObject() || base.size() > 3) {
			return;
		}
		for (String name : fieldNames(container)) {
			JsonNode child = container.get(name);
			List<Object> path = append(base, name);
			String label = path.stream().map(String::valueOf).reduce((x, y) -> x + "." + y).orElseThrow();
			if (child.isTextual()) {
				probes.add(jsonProbe(label + " as object", valid, withAt(body, path, "{\"$gt\":\"\"}")));
				probes.add(jsonProbe(label + " as number", valid, withAt(body, path, "42")));
				probes.add(jsonProbe(label + " 1 MB", valid, withAt(body, path, quote(HUGE_STRING))));
				if (child.asText().matches("[0-9a-f]{24}")) {
					probes.add(jsonProbe(label + " id not-an-objectid", valid,
							withAt(body, path, quote("not-an-objectid"))));
				}
			}
			else if (child.isNumber() || child.isBoolean()) {
				probes.add(jsonProbe(label + " as text", valid, withAt(body, path, quote(child.asText()))));
				probes.add(jsonProbe(label + " as object", valid, withAt(body, path, "{\"$ne\":null}")));
			}
			else {
				probes.add(jsonProbe(label + " as string", valid, withAt(body, path, "\"x\"")));
				nestedProbes(valid, body, path, child, probes);
			}
		}
	}

	static List<Object> append(List<Object> path, Object step) {
		List<Object> longer = new ArrayList<>(path);
		longer.add(step);
		return longer;
	}

	/**
	 * The body with the value at a path (names and array indexes) replaced by raw JSON.
	 */
	static String withAt(ObjectNode body, List<Object> path, String rawJson) {
		String marker = "zz-probe-" + java.util.UUID.randomUUID();
		JsonNode copy = body.deepCopy();
		JsonNode parent = copy;
		for (Object step : path.subList(0, path.size() - 1)) {
			parent = (step instanceof Integer index) ? parent.get(index) : parent.get((String) step);
		}
		Object last = path.get(path.size() - 1);
		if (last instanceof Integer index) {
			((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(index,
					com.fasterxml.jackson.databind.node.TextNode.valueOf(marker));
		}
		else {
			((ObjectNode) parent).put((String) last, marker);
		}
		return copy.toString().replace(quote(marker), rawJson);
	}

	/**
	 * Forged and malformed one-click unsubscribe tokens, and bodies that are not the form
	 * RFC 8058 prescribes: each is refused, and nobody is unsubscribed.
	 */
	static List<Probe> unsubscribeProbes(SuiteRoutes.Req valid) {
		String prefix = "/api/notifications/unsubscribe/";
		String subject = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((a.eventId + "|email|owner." + a.owner + "@suite.test").getBytes(StandardCharsets.UTF_8));
		Map<String, String> tokens = new LinkedHashMap<>();
		tokens.put("subject without signature", subject);
		tokens.put("empty signature", subject + ".");
		tokens.put("forged signature", subject + ".Zm9yZ2Vk");
		tokens.put("signature only", ".Zm9yZ2Vk");
		tokens.put("3,000 characters", "A".repeat(3000) + ".Zm9yZ2Vk");
		tokens.put("traversal", "..%2F..%2Fetc%2Fpasswd");
		tokens.put("NUL", "abc%00.def");
		tokens.put("surrogate bytes", "%ED%A0%80.x");
		tokens.put("emoji", "%F0%9F%8F%A8.%F0%9F%8F%A8");
		tokens.put("operator", "%7B%22%24ne%22%3Anull%7D");
		List<Probe> probes = new ArrayList<>();
		tokens.forEach((label, token) -> probes.add(new Probe("token " + label, valid.method(), prefix + token,
				valid.headers(), valid.body(), null, null)));
		String forged = prefix + subject + ".Zm9yZ2Vk";
		probes.add(new Probe("JSON body", valid.method(), forged, Map.of("Content-Type", "application/json"),
				"{\"List-Unsubscribe\":{\"$ne\":null}}".getBytes(StandardCharsets.UTF_8), null, null));
		probes.add(new Probe("1 MB form", valid.method(), forged, valid.headers(),
				("List-Unsubscribe=" + HUGE_STRING).getBytes(StandardCharsets.UTF_8), null, null));
		return probes;
	}

	static Probe jsonProbe(String label, SuiteRoutes.Req valid, String body) {
		return new Probe(label, valid.method(), valid.path(), valid.headers(), body.getBytes(StandardCharsets.UTF_8),
				null, null);
	}

	/** The body with one field replaced by raw JSON text. */
	static String with(ObjectNode body, String field, String rawJson) {
		StringBuilder out = new StringBuilder("{");
		boolean replaced = false;
		Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> entry = fields.next();
			if (out.length() > 1) {
				out.append(',');
			}
			out.append(quote(entry.getKey())).append(':');
			if (entry.getKey().equals(field)) {
				out.append(rawJson);
				replaced = true;
			}
			else {
				out.append(entry.getValue().toString());
			}
		}
		if (!replaced) {
			out.append(',').append(quote(field)).append(':').append(rawJson);
		}
		return out.append('}').toString();
	}

	static String quote(String text) {
		try {
			return Platform.JSON.writeValueAsString(text);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String label(String text) {
		return (text.length() > 40) ? text.substring(0, 20) + "…(" + text.length() + " chars)" : text;
	}

	static JsonNode readTree(byte[] bytes) {
		try {
			return Platform.JSON.readTree(bytes);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Write routes whose refusals have nothing to leave unchanged that a route can read
	 * back: previews and generated files store nothing; the unsubscribe link's opt-outs
	 * have no read route; a restore lifts a deleted conference's tombstone, which the
	 * fixture conference (never deleted) does not have, so reading it answers 404.
	 */
	static final Set<String> COMPUTE_ONLY = Set.of("POST /api/events/{eventId}/reports/preview",
			"POST /api/reports/builder/file", "POST /api/notifications/unsubscribe/{token}",
			"POST /api/events/{eventId}/retention/notification-service/restore",
			"POST /api/events/{eventId}/retention/lodging-travel-service/restore",
			"POST /api/events/{eventId}/retention/reporting-service/restore");

	/**
	 * Where the data a write route changes can be read back: the record in its path, the
	 * collection it adds to or removes from, the settings it writes, the notification log
	 * a send adds to; none for routes that only compute (previews, files) and for the
	 * unsubscribe link, whose opt-outs have no read route (its forged tokens are refused
	 * with 403 before anything is written).
	 */
	static List<String> stateUrls(SuiteRoutes.Req valid) {
		String path = valid.path().split("\\?")[0];
		String log = a.path("/notifications?limit=500");
		String notification = a.path("/notifications/" + a.notificationId);
		if (path.startsWith("/api/notifications/webhooks/")) {
			// A forged status callback must leave the notifications as they were.
			return List.of(notification, log);
		}
		if (path.startsWith("/api/notifications/unsubscribe/") || path.endsWith("/reports/preview")
				|| path.endsWith("/builder/file") || (path.contains("/retention/") && path.endsWith("/restore"))) {
			return List.of();
		}
		if (path.endsWith("/test-connection")) {
			return List.of(a.path("/notification-config"));
		}
		if (path.endsWith("/test") || path.endsWith("/notifications/send")) {
			return List.of(log);
		}
		if (path.contains("/notifications/resend/")) {
			return List.of(notification, log);
		}
		if (path.endsWith("/manual-trigger")) {
			return List.of(path.replace("/manual-trigger", ""), log);
		}
		if (path.endsWith("/preview")) {
			return List.of(path.replace("/preview", ""));
		}
		if (path.endsWith("/export/generate")) {
			return List.of("/api/export/history?limit=500");
		}
		if (path.endsWith("/run-now")) {
			return List.of(path.replace("/run-now", "/runs?limit=500"));
		}
		if (path.contains("/room-blocks")) {
			// Blocks have no read route of their own: the event's blocks, in full.
			return List.of(a.path("/room-blocks?limit=500"));
		}
		if (path.contains("/documents/")) {
			// Documents are read back as part of their travel record.
			return List.of(path.substring(0, path.indexOf("/documents/")));
		}
		if (path.contains("/notification/legacy-cutover/")) {
			// The cutover's record and the templates and triggers an import makes.
			return List.of(a.path("/notification/legacy-cutover"), a.path("/notification-templates?limit=500"),
					a.path("/notification-triggers?limit=500"));
		}
		if (path.startsWith("/api/reports/favorites")) {
			return List.of("/api/reports/favorites?eventId=" + a.eventId);
		}
		Matcher ids = OBJECT_ID.matcher(path);
		int lastId = -1;
		while (ids.find()) {
			// The last record id, not the event id of an /api/events/{eventId}/... path.
			if (ids.start() > "/api/events/".length() + 24 || !path.startsWith("/api/events/")) {
				lastId = ids.end();
			}
		}
		if (lastId > 0) {
			return List.of(path.substring(0, lastId));
		}
		if (valid.method().equals("POST") && !path.endsWith("-config")) {
			return List.of(path + "?limit=500");
		}
		return List.of(path);
	}

	/**
	 * The stored data at each state URL, each read with a 200. A list is its total and
	 * its items in a fixed order (the service's order may shift); the notification log,
	 * the export history and a schedule's runs keep only their items' ids, because sends,
	 * jobs and runs accepted earlier may still change status meanwhile.
	 */
	static Map<String, JsonNode> state(List<String> urls) {
		Map<String, JsonNode> state = new LinkedHashMap<>();
		for (String url : urls) {
			ClientAddressHttp.Reply reply = http.json("GET", url, ADMIN, null);
			assertThat(reply.status()).as("read-back " + url + ": " + SecurityMatrixTests.abbreviate(reply))
				.isEqualTo(200);
			JsonNode body = reply.json();
			JsonNode data = withoutRunBookkeeping(body.path("data"));
			if (!data.isArray()) {
				state.put(url, data);
				continue;
			}
			boolean changing = url.contains("/notifications?") || url.contains("/export/history")
					|| url.contains("/runs");
			List<String> items = new ArrayList<>();
			data.forEach((item) -> items.add(changing ? item.path("_id").asText() : item.toString()));
			java.util.Collections.sort(items);
			ObjectNode list = Platform.JSON.createObjectNode();
			list.set("total", body.path("meta").path("pagination").path("total"));
			list.put("size", data.size());
			items.forEach(list.putArray("items")::add);
			state.put(url, list);
		}
		return state;
	}

	/**
	 * A schedule's last and next run, written by its runs (a run the security matrix
	 * started may still finish meanwhile), never by the refused requests.
	 */
	static JsonNode withoutRunBookkeeping(JsonNode data) {
		JsonNode copy = data.deepCopy();
		List<JsonNode> records = new ArrayList<>();
		if (copy.isArray()) {
			copy.forEach(records::add);
		}
		else {
			records.add(copy);
		}
		for (JsonNode record : records) {
			if (record.isObject()) {
				((ObjectNode) record).remove(List.of("lastRun", "nextRun", "lastStatus", "lastError", "failureCount"));
			}
		}
		return copy;
	}

	@Test
	void templatesAreDataNotCode() {
		String[] refused = { "{{> evil}}", "{{#> layout}}x{{/layout}}", "{{embedded \"x\"}}", "{{i18n \"hello\"}}",
				"{{precompile \"x\"}}", "{{partial \"x\"}}" };
		for (String source : refused) {
			ClientAddressHttp.Reply reply = http.json("POST", a.path("/notification-templates"), ADMIN,
					Map.of("name", "Injection", "type", "email", "subject", "Hi", "contentHtml", source));
			assertThat(reply.status()).as(source + ": " + reply.text()).isEqualTo(400);
			assertThat(reply.json().path("success").asBoolean(true)).isFalse();
		}
		String inert = "A{{constructor}}B{{this.constructor.constructor}}C${7*7}D<%= 7*7 %>E#{7*7}F{{firstName.class}}G{{firstName.bytes}}H";
		ClientAddressHttp.Reply created = http.json("POST", a.path("/notification-templates"), ADMIN,
				Map.of("name", "Inert", "type", "email", "subject", "Hi", "contentHtml", inert, "contentText",
						inert + "{{lookup this \"constructor\"}}"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.json().at("/data/_id").asText();
		ClientAddressHttp.Reply preview = http.json("POST", a.path("/notification-templates/" + id + "/preview"), ADMIN,
				Map.of("data", Map.of("firstName", "Asha")));
		assertThat(preview.status()).as(preview.text()).isEqualTo(200);
		String text = preview.json().at("/data/text").asText();
		assertThat(text).startsWith("ABC${7*7}D<%= 7*7 %>E#{7*7}FGH");
		// lookup on the model map reaches only the model's own values, never an object's
		// class, methods or fields.
		assertThat(text).doesNotContain("java.", "class ", "function");
		assertThat(preview.json().at("/data/html").asText()).contains("${7*7}", "<%= 7*7 %>", "#{7*7}")
			.doesNotContain("49");
	}

	@Test
	void formulaInjectionIsNeutralisedInEveryExportFormat() throws IOException {
		String registration = Platform.newObjectId();
		String human = "REG-F" + registration.substring(18);
		ObjectNode envelope = Platform.golden("registration-created");
		envelope.put("subject", registration).put("eventid", a.eventId);
		ObjectNode data = (ObjectNode) envelope.get("data");
		((ObjectNode) data.get("event")).put("_id", a.eventId);
		ObjectNode person = (ObjectNode) data.get("registration").get("personalInfo");
		((ObjectNode) data.get("registration")).put("_id", registration).put("registrationId", human);
		person.put("firstName", "=HYPERLINK(\"http://evil.test\",\"click\")")
			.put("lastName", "+cmd|' /C calc'!A0")
			.put("organization", "@SUM(1+1)")
			.put("designation", "-2+3")
			.put("email", "formula." + registration + "@suite.test");
		data.put("occurredAt", java.time.Instant.now().toString());
		Platform.publish("atlas.registrations", registration, envelope);
		Map<String, Object> filter = Map.of("field", "registrationId", "operator", "equals", "value", human);
		List<String> fields = List.of("registrationId", "firstName", "lastName", "organization", "designation");
		await("registration in the reporting read model").atMost(Duration.ofSeconds(60))
			.until(() -> http
				.json("POST", a.path("/reports/preview"), ADMIN,
						Map.of("reportType", "registrations", "fields", fields, "filters", List.of(filter)))
				.json()
				.path("data")
				.size() == 1);

		String csv = new String(export("csv", fields, filter), StandardCharsets.UTF_8);
		assertThat(csv).contains("'=HYPERLINK(").contains("'+cmd|").contains("'@SUM(1+1)").contains("'-2+3");
		for (String line : csv.split("\r\n")) {
			for (String cell : line.split(",")) {
				assertThat(cell.replace("\"", "")).as("CSV cell").doesNotMatch("^[=+@\\-].*");
			}
		}
		String xlsx = xmlOf(export("excel", fields, filter));
		assertThat(xlsx).contains("'=HYPERLINK(").contains("'+cmd|").contains("'@SUM(1+1)").doesNotContain("<f>");
		ClientAddressHttp.Reply builder = http.json("POST",
				"/api/reports/builder/file?eventId=" + a.eventId + "&format=csv", ADMIN,
				Map.of("reportType", "registrations", "fields", fields, "filters", List.of(filter)));
		assertThat(builder.status()).as(builder.text()).isEqualTo(200);
		assertThat(builder.text()).contains("'=HYPERLINK(").contains("'+cmd|").contains("'@SUM(1+1)");
	}

	static byte[] export(String format, List<String> fields, Map<String, Object> filter) {
		String job = SuiteFixtures.id(http.json("POST", "/api/export/generate", ADMIN, Map.of("exportType", format,
				"dataType", "registrations", "event", a.eventId, "fields", fields, "filters", List.of(filter))));
		await("export " + job).atMost(Duration.ofSeconds(60))
			.until(() -> "completed"
				.equals(http.json("GET", "/api/export/status/" + job, ADMIN, null).json().at("/data/status").asText()));
		ClientAddressHttp.Reply file = http.json("GET", "/api/export/download/" + job, ADMIN, null);
		assertThat(file.status()).isEqualTo(200);
		return file.bytes();
	}

	/** The XML parts of an XLSX file (its cells), with the quote entities resolved. */
	static String xmlOf(byte[] xlsx) throws IOException {
		StringBuilder xml = new StringBuilder();
		java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
		try {
			java.nio.file.Files.write(file, xlsx);
			try (ZipFile zip = new ZipFile(file.toFile())) {
				for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
					if (entry.getName().endsWith(".xml")) {
						xml.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8)
							.replace("&quot;", "\"")
							.replace("&apos;", "'"));
					}
				}
			}
		}
		finally {
			java.nio.file.Files.deleteIfExists(file);
		}
		return xml.toString();
	}

	@Test
	void uploadedFileNamesCannotLeaveTheirFolder() {
		List<String> names = List.of("../../etc/passwd", "/etc/passwd", "..\\..\\windows\\win.ini",
				"visa\u0000.pdf.exe", "....//....//visa.pdf", "%2e%2e%2fvisa.pdf", ".htaccess", "C:\\boot.ini");
		for (String name : names) {
			Multipart form = Multipart.of()
				.field("type", "visa")
				.file("file", name, "application/pdf", SuiteFixtures.PDF);
			Map<String, String> headers = form.headers(ADMIN);
			ClientAddressHttp.Reply reply = http.send("POST", a.path("/travel-info/" + a.travelId + "/upload-document"),
					headers, form.bytes());
			assertThat(reply.status()).as(name + ": " + reply.text()).isLessThan(500);
			if (reply.status() >= 400) {
				assertThat(reply.json().path("success").asBoolean(true)).isFalse();
				continue;
			}
			String stored = reply.json().at("/data/fileName").asText();
			assertThat(stored).as(name)
				.doesNotContain("/", "\\", "\u0000", "..")
				.doesNotStartWith(".")
				.endsWith(".pdf");
			String documentId = reply.json().at("/data/_id").asText();
			ClientAddressHttp.Reply download = http.json("GET",
					a.path("/travel-info/" + a.travelId + "/documents/" + documentId + "/download"), ADMIN, null);
			assertThat(download.status()).isEqualTo(200);
			assertThat(download.bytes()).isEqualTo(SuiteFixtures.PDF);
			assertThat(download.header("Content-Disposition")).as(name)
				.startsWith("attachment")
				.doesNotContain("/", "\\", "..");
		}
	}

}

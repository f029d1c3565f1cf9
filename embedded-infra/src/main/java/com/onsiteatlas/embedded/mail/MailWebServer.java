package com.onsiteatlas.embedded.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The mail catcher's web UI and JSON API on the JDK's built-in HTTP server.
 *
 * <pre>
 * GET    /                                      HTML list, newest first
 * GET    /messages/{id}                         HTML view of one mail
 * GET    /messages/{id}/html                    the HTML body alone (sandboxed)
 * GET    /api/messages[?to=address]             JSON array, newest first
 * GET    /api/messages/summary[?to=address]     count, mails per recipient, first and last arrival
 * GET    /api/messages/{id}                     JSON object
 * GET    /api/messages/{id}/raw                 RFC 822 source
 * GET    /api/messages/{id}/attachments/{index} decoded attachment
 * DELETE /api/messages                          purge
 * GET    /health                                {"status":"UP"}
 * </pre>
 */
final class MailWebServer implements AutoCloseable {

	private static final Pattern MESSAGE = Pattern
		.compile("/(api/)?messages/(\\d+)(/raw|/html|/attachments/(\\d+))?/?");

	private static final DateTimeFormatter DISPLAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private final MailStore store;

	private final HttpServer server;

	private final ExecutorService executor;

	private final ObjectMapper json = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.build();

	private MailWebServer(MailStore store, HttpServer server, ExecutorService executor) {
		this.store = store;
		this.server = server;
		this.executor = executor;
	}

	static MailWebServer start(MailStore store, InetSocketAddress address) throws IOException {
		HttpServer server = HttpServer.create(address, 0);
		ExecutorService executor = Executors.newFixedThreadPool(4, (runnable) -> {
			Thread thread = new Thread(runnable, "mail-web");
			thread.setDaemon(true);
			return thread;
		});
		MailWebServer web = new MailWebServer(store, server, executor);
		server.createContext("/", web::handle);
		server.setExecutor(executor);
		server.start();
		return web;
	}

	String url() {
		return "http://" + this.server.getAddress().getHostString() + ":" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			route(exchange);
		}
		catch (RuntimeException ex) {
			sendJson(exchange, 500, Map.of("success", false, "message", String.valueOf(ex.getMessage())));
		}
	}

	private void route(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		if (path.equals("/health")) {
			sendJson(exchange, 200, Map.of("status", "UP"));
		}
		else if (path.equals("/") && method.equals("GET")) {
			send(exchange, 200, "text/html; charset=utf-8", listPage().getBytes(StandardCharsets.UTF_8));
		}
		else if (path.matches("/api/messages/?") && method.equals("GET")) {
			String to = queryParameter(exchange, "to");
			List<CapturedMail> mails = this.store.newestFirst();
			if (to != null) {
				mails = mails.stream().filter((mail) -> isAddressedTo(mail, to)).toList();
			}
			sendJson(exchange, 200, mails);
		}
		else if (path.equals("/api/messages/summary") && method.equals("GET")) {
			sendJson(exchange, 200, summary(queryParameter(exchange, "to")));
		}
		else if (path.matches("/api/messages/?") && method.equals("DELETE")) {
			sendJson(exchange, 200, Map.of("deleted", this.store.purge()));
		}
		else {
			routeMessage(exchange, method, path);
		}
	}

	private void routeMessage(HttpExchange exchange, String method, String path) throws IOException {
		Matcher matcher = MESSAGE.matcher(path);
		if (!method.equals("GET") || !matcher.matches()) {
			sendJson(exchange, 404, Map.of("success", false, "message", "Not Found"));
			return;
		}
		boolean api = matcher.group(1) != null;
		long id = Long.parseLong(matcher.group(2));
		String sub = matcher.group(3);
		Optional<CapturedMail> mail = this.store.find(id);
		if (mail.isEmpty()) {
			sendJson(exchange, 404, Map.of("success", false, "message", "No mail " + id));
		}
		else if (sub == null) {
			if (api) {
				sendJson(exchange, 200, mail.get());
			}
			else {
				send(exchange, 200, "text/html; charset=utf-8", viewPage(mail.get()).getBytes(StandardCharsets.UTF_8));
			}
		}
		else if (sub.equals("/raw") && api) {
			send(exchange, 200, "text/plain; charset=utf-8", this.store.raw(id).orElseThrow());
		}
		else if (sub.equals("/html") && !api) {
			// The body is untrusted mail content: no scripts, no same-origin access to
			// the API.
			exchange.getResponseHeaders().set("Content-Security-Policy", "sandbox");
			String html = (mail.get().htmlBody() != null) ? mail.get().htmlBody() : "";
			send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
		}
		else if (sub.startsWith("/attachments/") && api) {
			int index = Integer.parseInt(matcher.group(4));
			Optional<byte[]> bytes = this.store.attachment(id, index);
			if (bytes.isEmpty()) {
				sendJson(exchange, 404, Map.of("success", false, "message", "No attachment " + index));
				return;
			}
			CapturedMail.Attachment attachment = mail.get().attachments().get(index);
			String fileName = (attachment.fileName() != null) ? attachment.fileName() : "attachment-" + index;
			exchange.getResponseHeaders()
				.set("Content-Disposition", "attachment; filename*=UTF-8''" + urlEncode(fileName));
			send(exchange, 200, attachment.contentType(), bytes.get());
		}
		else {
			sendJson(exchange, 404, Map.of("success", false, "message", "Not Found"));
		}
	}

	/**
	 * What a bulk-send check needs without transferring every body: how many mails match,
	 * how many each SMTP recipient got, and when the first and the last arrived.
	 */
	private Map<String, Object> summary(String to) {
		Map<String, Integer> perRecipient = new TreeMap<>();
		Instant first = null;
		Instant last = null;
		int count = 0;
		for (CapturedMail mail : this.store.newestFirst()) {
			if (to != null && !isAddressedTo(mail, to)) {
				continue;
			}
			count++;
			List<String> recipients = mail.envelopeRecipients().isEmpty() ? mail.to() : mail.envelopeRecipients();
			for (String recipient : recipients) {
				perRecipient.merge(recipient.toLowerCase(Locale.ROOT), 1, Integer::sum);
			}
			first = (first == null || mail.receivedAt().isBefore(first)) ? mail.receivedAt() : first;
			last = (last == null || mail.receivedAt().isAfter(last)) ? mail.receivedAt() : last;
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("count", count);
		summary.put("firstReceivedAt", first);
		summary.put("lastReceivedAt", last);
		summary.put("recipients", perRecipient);
		return summary;
	}

	private static boolean isAddressedTo(CapturedMail mail, String address) {
		String wanted = address.toLowerCase(Locale.ROOT);
		return mail.envelopeRecipients().stream().anyMatch((rcpt) -> rcpt.toLowerCase(Locale.ROOT).equals(wanted))
				|| mail.to().stream().anyMatch((to) -> to.toLowerCase(Locale.ROOT).contains(wanted));
	}

	private String listPage() {
		List<CapturedMail> mails = this.store.newestFirst();
		StringBuilder rows = new StringBuilder();
		for (CapturedMail mail : mails) {
			rows.append("<tr><td>")
				.append(escape(DISPLAY_TIME.format(mail.date())))
				.append("</td><td>")
				.append(escape(mail.from()))
				.append("</td><td>")
				.append(escape(
						String.join(", ", mail.envelopeRecipients().isEmpty() ? mail.to() : mail.envelopeRecipients())))
				.append("</td><td><a href=\"/messages/")
				.append(mail.id())
				.append("\">")
				.append(escape((mail.subject() != null) ? mail.subject() : "(no subject)"))
				.append("</a></td><td>")
				.append(mail.attachments().isEmpty() ? "" : mail.attachments().size() + " 📎")
				.append("</td></tr>\n");
		}
		String body = mails.isEmpty() ? "<p>No mail captured yet.</p>"
				: "<table><thead><tr><th>Date</th><th>From</th><th>To</th><th>Subject</th><th></th></tr></thead><tbody>"
						+ rows + "</tbody></table>";
		return page("Captured mail (" + mails.size() + ")", "<meta http-equiv=\"refresh\" content=\"10\">",
				"<p><button onclick=\"fetch('/api/messages',{method:'DELETE'}).then(()=>location.reload())\">"
						+ "Delete all</button> &middot; <a href=\"/api/messages\">JSON</a> &middot; refreshes every 10 s</p>"
						+ body);
	}

	private String viewPage(CapturedMail mail) {
		StringBuilder html = new StringBuilder("<p><a href=\"/\">&larr; all mail</a></p><table>");
		row(html, "From", mail.from());
		row(html, "To", String.join(", ", mail.to()));
		if (!mail.cc().isEmpty()) {
			row(html, "Cc", String.join(", ", mail.cc()));
		}
		row(html, "SMTP recipients", String.join(", ", mail.envelopeRecipients()));
		row(html, "Date", DISPLAY_TIME.format(mail.date()));
		row(html, "Message-ID", mail.messageId());
		String unsubscribe = mail.headers().get("List-Unsubscribe");
		if (unsubscribe != null) {
			row(html, "List-Unsubscribe", unsubscribe);
		}
		html.append("</table>");
		if (!mail.attachments().isEmpty()) {
			html.append("<h3>Attachments</h3><ul>");
			for (int i = 0; i < mail.attachments().size(); i++) {
				CapturedMail.Attachment attachment = mail.attachments().get(i);
				html.append("<li><a href=\"/api/messages/")
					.append(mail.id())
					.append("/attachments/")
					.append(i)
					.append("\">")
					.append(escape((attachment.fileName() != null) ? attachment.fileName() : "attachment-" + i))
					.append("</a> (")
					.append(escape(attachment.contentType()))
					.append(", ")
					.append(attachment.size())
					.append(" bytes)</li>");
			}
			html.append("</ul>");
		}
		if (mail.htmlBody() != null) {
			html.append("<h3>HTML</h3><iframe sandbox src=\"/messages/")
				.append(mail.id())
				.append("/html\" style=\"width:100%;height:480px;border:1px solid #ccc\"></iframe>");
		}
		if (mail.textBody() != null) {
			html.append("<h3>Text</h3><pre>").append(escape(mail.textBody())).append("</pre>");
		}
		html.append("<p><a href=\"/api/messages/")
			.append(mail.id())
			.append("/raw\">Raw source</a> &middot; <a href=\"/api/messages/")
			.append(mail.id())
			.append("\">JSON</a></p>");
		return page((mail.subject() != null) ? mail.subject() : "(no subject)", "", html.toString());
	}

	private static void row(StringBuilder html, String name, String value) {
		html.append("<tr><th>").append(name).append("</th><td>").append(escape(value)).append("</td></tr>");
	}

	private static String page(String title, String head, String body) {
		return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>" + head
				+ "<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
				+ "td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}"
				+ "pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style></head><body><h2>" + escape(title)
				+ "</h2>" + body + "</body></html>";
	}

	private static String escape(String text) {
		if (text == null) {
			return "";
		}
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static String queryParameter(HttpExchange exchange, String name) {
		String query = exchange.getRequestURI().getRawQuery();
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && pair.substring(0, equals).equals(name)) {
				return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private static String urlEncode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
		send(exchange, status, "application/json", this.json.writeValueAsBytes(body));
	}

	private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

}

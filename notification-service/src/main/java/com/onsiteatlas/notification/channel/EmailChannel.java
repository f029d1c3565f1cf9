package com.onsiteatlas.notification.channel;

import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;

import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.config.NotificationProperties;

/**
 * E-mail over SMTP with Jakarta Mail: multipart/alternative (text + HTML, the QR image
 * related to the HTML as {@code cid:qrcode}), {@code List-Unsubscribe} with RFC 8058
 * one-click for non-transactional mail, a deterministic Message-ID per notification.
 * Connections are pooled per SMTP server so that bulk sends skip the handshake.
 */
@Component
public class EmailChannel implements Channel, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(EmailChannel.class);

	private final MailProperties global;

	private final NotificationProperties.Email properties;

	private final Map<String, BlockingDeque<Transport>> pools = new ConcurrentHashMap<>();

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	EmailChannel(MailProperties global, NotificationProperties properties) {
		this.global = global;
		this.properties = properties.email();
	}

	@Override
	public String name() {
		return "email";
	}

	@Override
	public Mono<SendResult> send(OutgoingMessage message, ChannelSettings settings) {
		ChannelSettings.SmtpServer server = server(settings);
		return Mono.fromCallable(() -> sendBlocking(message, settings, server))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.properties.timeout().multipliedBy(2),
					Mono.error(() -> SendFailure.temporary("ETIMEDOUT", "SMTP send timed out", null)));
	}

	private SendResult sendBlocking(OutgoingMessage message, ChannelSettings settings,
			ChannelSettings.SmtpServer server) {
		Session session = session(server);
		MimeMessage mime;
		try {
			mime = build(session, message, settings);
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw SendFailure.permanent("EMESSAGE", "Cannot build the message: " + ex.getMessage());
		}
		Transport transport = null;
		boolean healthy = false;
		try {
			transport = borrow(server, session);
			transport.sendMessage(mime, mime.getAllRecipients());
			healthy = true;
			return new SendResult(mime.getMessageID(), "smtp:" + server.host());
		}
		catch (MessagingException ex) {
			throw classify(ex);
		}
		finally {
			release(server, transport, healthy);
		}
	}

	MimeMessage build(Session session, OutgoingMessage message, ChannelSettings settings)
			throws MessagingException, UnsupportedEncodingException {
		String messageId = "<" + message.notificationId() + "@onsiteatlas.notification>";
		MimeMessage mime = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		String senderEmail = (settings.senderEmail() != null) ? settings.senderEmail()
				: this.properties.defaultSenderEmail();
		String senderName = (settings.senderName() != null) ? settings.senderName()
				: this.properties.defaultSenderName();
		mime.setFrom(new InternetAddress(senderEmail, senderName, "UTF-8"));
		mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), message.toName(), "UTF-8"));
		if (settings.replyTo() != null) {
			mime.setReplyTo(new InternetAddress[] { new InternetAddress(settings.replyTo()) });
		}
		mime.setSubject((message.subject() != null) ? message.subject() : "", "UTF-8");
		if (message.unsubscribeUrl() != null) {
			mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
			mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		String footer = settings.footerText();
		String text = (message.text() != null) ? message.text() : "";
		if (footer != null && !footer.isBlank()) {
			text = text + "\n\n" + footer;
		}
		if (message.unsubscribeUrl() != null) {
			text = text + "\n\nUnsubscribe: " + message.unsubscribeUrl();
		}
		MimeMultipart alternative = new MimeMultipart("alternative");
		MimeBodyPart textPart = new MimeBodyPart();
		textPart.setText(text, "UTF-8");
		alternative.addBodyPart(textPart);
		if (message.html() != null) {
			String html = message.html();
			if (footer != null && !footer.isBlank()) {
				html = html + "<hr/><p>" + escape(footer) + "</p>";
			}
			if (message.unsubscribeUrl() != null) {
				html = html + "<p><a href=\"" + escape(message.unsubscribeUrl()) + "\">Unsubscribe</a></p>";
			}
			MimeBodyPart htmlPart = new MimeBodyPart();
			htmlPart.setText(html, "UTF-8", "html");
			if (message.qrPayload() != null) {
				MimeMultipart related = new MimeMultipart("related");
				related.addBodyPart(htmlPart);
				MimeBodyPart image = new MimeBodyPart();
				image.setDataHandler(
						new DataHandler(new ByteArrayDataSource(QrCodes.png(message.qrPayload()), "image/png")));
				image.setContentID("<qrcode>");
				image.setDisposition(MimeBodyPart.INLINE);
				image.setFileName("qrcode.png");
				related.addBodyPart(image);
				MimeBodyPart wrapper = new MimeBodyPart();
				wrapper.setContent(related);
				alternative.addBodyPart(wrapper);
			}
			else {
				alternative.addBodyPart(htmlPart);
			}
		}
		mime.setContent(alternative);
		mime.saveChanges();
		return mime;
	}

	private static String escape(String value) {
		return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	@Override
	public Mono<ConnectionCheck> check(ChannelSettings settings) {
		ChannelSettings.SmtpServer server = server(settings);
		return Mono.fromCallable(() -> {
			Session session = session(server);
			try (Transport transport = session.getTransport(server.secure() ? "smtps" : "smtp")) {
				transport.connect(server.host(), server.port(), server.username(), server.password());
				String greeting = (transport instanceof SMTPTransport smtp) ? smtp.getLastServerResponse() : "";
				return new ConnectionCheck("email", true,
						"Connected to " + server.host() + ":" + server.port()
								+ ((server.username() != null) ? " and logged in as " + server.username() : "") + ". "
								+ greeting.strip());
			}
			catch (AuthenticationFailedException ex) {
				return new ConnectionCheck("email", false, "Connected to " + server.host() + ":" + server.port()
						+ " but login failed: " + ex.getMessage());
			}
			catch (MessagingException ex) {
				return new ConnectionCheck("email", false,
						"Cannot connect to " + server.host() + ":" + server.port() + ": " + rootMessage(ex));
			}
		})
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.properties.timeout().multipliedBy(2), Mono.just(new ConnectionCheck("email", false,
					"Timed out connecting to " + server.host() + ":" + server.port())));
	}

	ChannelSettings.SmtpServer server(ChannelSettings settings) {
		if (settings != null && settings.smtp() != null && settings.smtp().host() != null) {
			return settings.smtp();
		}
		return new ChannelSettings.SmtpServer(this.global.getHost(),
				(this.global.getPort() != null) ? this.global.getPort() : 25, false,
				"true".equals(this.global.getProperties().get("mail.smtp.starttls.required")),
				blankToNull(this.global.getUsername()), blankToNull(this.global.getPassword()));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private Session session(ChannelSettings.SmtpServer server) {
		return this.sessions.computeIfAbsent(server.key(), (key) -> {
			Properties props = new Properties();
			this.global.getProperties().forEach(props::setProperty);
			String protocol = server.secure() ? "smtps" : "smtp";
			String timeout = String.valueOf(this.properties.timeout().toMillis());
			props.setProperty("mail.transport.protocol", protocol);
			props.setProperty("mail." + protocol + ".host", server.host());
			props.setProperty("mail." + protocol + ".port", String.valueOf(server.port()));
			props.setProperty("mail." + protocol + ".auth", String.valueOf(server.username() != null));
			props.setProperty("mail." + protocol + ".connectiontimeout", timeout);
			props.setProperty("mail." + protocol + ".timeout", timeout);
			props.setProperty("mail." + protocol + ".writetimeout", timeout);
			if (server.startTls()) {
				props.setProperty("mail.smtp.starttls.enable", "true");
				props.setProperty("mail.smtp.starttls.required", "true");
			}
			if (server.secure()) {
				props.setProperty("mail.smtps.ssl.enable", "true");
			}
			return Session.getInstance(props);
		});
	}

	private Transport borrow(ChannelSettings.SmtpServer server, Session session) throws MessagingException {
		BlockingDeque<Transport> pool = this.pools.computeIfAbsent(server.key(), (key) -> new LinkedBlockingDeque<>());
		Transport transport;
		while ((transport = pool.pollFirst()) != null) {
			if (transport.isConnected()) {
				return transport;
			}
		}
		transport = session.getTransport(server.secure() ? "smtps" : "smtp");
		transport.connect(server.host(), server.port(), server.username(), server.password());
		return transport;
	}

	private void release(ChannelSettings.SmtpServer server, Transport transport, boolean healthy) {
		if (transport == null) {
			return;
		}
		BlockingDeque<Transport> pool = this.pools.get(server.key());
		if (healthy && this.properties.reuseConnections() && pool != null && pool.size() < this.properties.poolSize()
				&& pool.offerFirst(transport)) {
			return;
		}
		close(transport);
	}

	private static void close(Transport transport) {
		try {
			transport.close();
		}
		catch (MessagingException ex) {
			logger.debug("Closing an SMTP connection failed: {}", ex.getMessage());
		}
	}

	static SendFailure classify(MessagingException ex) {
		if (ex instanceof AuthenticationFailedException) {
			return new SendFailure(false, "EAUTH", "SMTP login failed: " + ex.getMessage(), null, ex);
		}
		if (ex instanceof SMTPAddressFailedException address) {
			boolean temporary = address.getReturnCode() >= 400 && address.getReturnCode() < 500;
			return new SendFailure(temporary, "EENVELOPE", "Recipient refused: " + address.getMessage().strip(), null,
					ex);
		}
		if (ex instanceof SMTPSendFailedException send) {
			boolean temporary = send.getReturnCode() >= 400 && send.getReturnCode() < 500;
			return new SendFailure(temporary, "EMESSAGE", "SMTP server refused the message: " + rootMessage(ex), null,
					ex);
		}
		if (ex instanceof SendFailedException) {
			Exception next = ex.getNextException();
			if (next instanceof MessagingException nested && nested != ex) {
				return classify(nested);
			}
			return new SendFailure(false, "EENVELOPE", "Send failed: " + rootMessage(ex), null, ex);
		}
		Throwable root = rootCause(ex);
		if (root instanceof UnknownHostException) {
			return new SendFailure(true, "ENOTFOUND", "Unknown SMTP host: " + root.getMessage(), null, ex);
		}
		if (root instanceof ConnectException) {
			return new SendFailure(true, "ECONNREFUSED", "Cannot connect to the SMTP server: " + root.getMessage(),
					null, ex);
		}
		if (root instanceof SocketTimeoutException) {
			return new SendFailure(true, "ETIMEDOUT", "SMTP server timed out", null, ex);
		}
		return new SendFailure(true, "UNKNOWN", "SMTP failure: " + rootMessage(ex), null, ex);
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable current = ex;
		while (current.getCause() != null && current.getCause() != current) {
			current = current.getCause();
		}
		if (current instanceof MessagingException messaging && messaging.getNextException() != null) {
			return rootCause(messaging.getNextException());
		}
		return current;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = rootCause(ex);
		return (root.getMessage() != null) ? root.getMessage().strip() : root.getClass().getSimpleName();
	}

	@Override
	public void destroy() {
		this.pools.values().forEach((pool) -> pool.forEach(EmailChannel::close));
		this.pools.clear();
	}

}

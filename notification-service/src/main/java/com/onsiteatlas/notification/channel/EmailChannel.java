package com.onsiteatlas.notification.channel;

import java.io.UnsupportedEncodingException;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.config.NotificationProperties;
import com.onsiteatlas.support.destination.DestinationPolicy;
import com.onsiteatlas.support.destination.DestinationRefusedException;

/**
 * E-mail over SMTP with Jakarta Mail, on the bounded elastic scheduler with a timeout:
 * the message is built by {@link MimeMessages}, sent over a pooled connection of
 * {@link SmtpConnections}, and an SMTP error becomes a {@link SendFailure} through
 * {@link SmtpFailures}. An event's own SMTP host is checked against the
 * {@link DestinationPolicy} before every connection; the global one is the operator's.
 */
@Component
public class EmailChannel implements Channel, DisposableBean {

	private final MailProperties global;

	private final NotificationProperties.Email properties;

	private final MimeMessages messages;

	private final SmtpConnections connections;

	private final DestinationPolicy destinations;

	@Autowired
	EmailChannel(MailProperties global, NotificationProperties properties, DestinationPolicy destinations) {
		this.global = global;
		this.properties = properties.email();
		this.messages = new MimeMessages(this.properties);
		this.connections = new SmtpConnections(global, this.properties);
		this.destinations = destinations;
	}

	/** A channel that reaches only the global server or public event servers. */
	EmailChannel(MailProperties global, NotificationProperties properties) {
		this(global, properties, new DestinationPolicy(List.of()));
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
		try {
			checkDestination(settings);
		}
		catch (DestinationRefusedException ex) {
			throw SendFailure.permanent("EDESTINATION", ex.getMessage());
		}
		Session session = this.connections.session(server);
		MimeMessage mime;
		try {
			mime = this.messages.build(session, message, settings);
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw SendFailure.permanent("EMESSAGE", "Cannot build the message: " + ex.getMessage());
		}
		Transport transport = null;
		boolean healthy = false;
		try {
			transport = this.connections.borrow(server, session);
			transport.sendMessage(mime, mime.getAllRecipients());
			healthy = true;
			return new SendResult(mime.getMessageID(), "smtp:" + server.host());
		}
		catch (MessagingException ex) {
			throw SmtpFailures.classify(ex);
		}
		finally {
			this.connections.release(server, transport, healthy);
		}
	}

	@Override
	public Mono<ConnectionCheck> check(ChannelSettings settings) {
		ChannelSettings.SmtpServer server = server(settings);
		String where = server.host() + ":" + server.port();
		return Mono.fromCallable(() -> {
			checkDestination(settings);
			Session session = this.connections.session(server);
			try (Transport transport = session.getTransport(server.secure() ? "smtps" : "smtp")) {
				transport.connect(server.host(), server.port(), server.username(), server.password());
				return ConnectionCheck.ok("email", "Connected to " + where
						+ ((server.username() != null) ? " and logged in as " + server.username() : "") + ".");
			}
		})
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.properties.timeout().multipliedBy(2))
			.onErrorResume((ex) -> Mono.just(failedCheck(where, ex)));
	}

	/**
	 * A failed check in our words: the class of the failure, never the server's reply
	 * (the organiser chooses the server, so its reply is not ours to pass on).
	 */
	private static ConnectionCheck failedCheck(String where, Throwable ex) {
		ConnectionResult result = ConnectionFailures.classify(ex);
		if (result == ConnectionResult.FAILED && ex instanceof MessagingException) {
			// The server answered, with something other than a login error.
			result = ConnectionResult.REJECTED;
		}
		return switch (result) {
			case AUTH_FAILED -> ConnectionCheck.failed("email", result, "Connected to " + where + " but login failed");
			case NOT_ALLOWED -> ConnectionCheck.failed("email", result, ex.getMessage());
			case TIMEOUT -> ConnectionCheck.failed("email", result, "Timed out connecting to " + where);
			default -> ConnectionCheck.failed("email", result, "Cannot connect to " + where);
		};
	}

	/** An event's own SMTP host must be allowed; the global one is the operator's. */
	private void checkDestination(ChannelSettings settings) {
		if (settings != null && settings.smtp() != null && settings.smtp().host() != null) {
			this.destinations.checkAtConnect("email.smtp.host", settings.smtp().host());
		}
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

	@Override
	public void destroy() {
		this.connections.closeAll();
	}

}

package com.onsiteatlas.notification.channel;

import java.io.UnsupportedEncodingException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.config.NotificationProperties;

/**
 * E-mail over SMTP with Jakarta Mail, on the bounded elastic scheduler with a timeout:
 * the message is built by {@link MimeMessages}, sent over a pooled connection of
 * {@link SmtpConnections}, and an SMTP error becomes a {@link SendFailure} through
 * {@link SmtpFailures}.
 */
@Component
public class EmailChannel implements Channel, DisposableBean {

	private final MailProperties global;

	private final NotificationProperties.Email properties;

	private final MimeMessages messages;

	private final SmtpConnections connections;

	EmailChannel(MailProperties global, NotificationProperties properties) {
		this.global = global;
		this.properties = properties.email();
		this.messages = new MimeMessages(this.properties);
		this.connections = new SmtpConnections(global, this.properties);
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
		return Mono.fromCallable(() -> {
			Session session = this.connections.session(server);
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
				return new ConnectionCheck("email", false, "Cannot connect to " + server.host() + ":" + server.port()
						+ ": " + SmtpFailures.rootMessage(ex));
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

	@Override
	public void destroy() {
		this.connections.closeAll();
	}

}

package com.onsiteatlas.notification.channel;

import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.mail.MailProperties;

import com.onsiteatlas.notification.config.NotificationProperties;

/**
 * Jakarta Mail sessions and pooled SMTP connections, one pool per SMTP server, so that
 * bulk sends skip the handshake. A connection goes back to its pool only after a
 * successful send. At most {@link #MAX_SERVERS} servers are kept, keyed by a digest of
 * the whole server and login ({@link CredentialCache}); the least recently used one is
 * closed to make room.
 */
class SmtpConnections {

	private static final Logger logger = LoggerFactory.getLogger(SmtpConnections.class);

	private final MailProperties global;

	private final NotificationProperties.Email properties;

	/** Servers (each a session and its pool) kept at once. */
	static final int MAX_SERVERS = 256;

	private final CredentialCache<Server> servers = new CredentialCache<>(MAX_SERVERS, Server::close);

	SmtpConnections(MailProperties global, NotificationProperties.Email properties) {
		this.global = global;
		this.properties = properties;
	}

	Session session(ChannelSettings.SmtpServer server) {
		return this.servers.get(server.key(), () -> new Server(newSession(server), new LinkedBlockingDeque<>()))
			.session();
	}

	private Session newSession(ChannelSettings.SmtpServer server) {
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
	}

	Transport borrow(ChannelSettings.SmtpServer server, Session session) throws MessagingException {
		BlockingDeque<Transport> pool = this.servers
			.get(server.key(), () -> new Server(session, new LinkedBlockingDeque<>()))
			.pool();
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

	void release(ChannelSettings.SmtpServer server, Transport transport, boolean healthy) {
		if (transport == null) {
			return;
		}
		Server cached = this.servers.peek(server.key());
		BlockingDeque<Transport> pool = (cached != null) ? cached.pool() : null;
		if (healthy && this.properties.reuseConnections() && pool != null && pool.size() < this.properties.poolSize()
				&& pool.offerFirst(transport)) {
			return;
		}
		close(transport);
	}

	static void close(Transport transport) {
		try {
			transport.close();
		}
		catch (MessagingException ex) {
			logger.debug("Closing an SMTP connection failed: {}", ex.getMessage());
		}
	}

	/** Closes every pooled connection. */
	void closeAll() {
		this.servers.clear();
	}

	/**
	 * How many servers are kept.
	 * @return the count
	 */
	int size() {
		return this.servers.size();
	}

	/** The session and the pooled connections of one server and login. */
	private record Server(Session session, BlockingDeque<Transport> pool) {

		void close() {
			Transport transport;
			while ((transport = this.pool.pollFirst()) != null) {
				SmtpConnections.close(transport);
			}
		}

	}

}

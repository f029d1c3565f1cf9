package com.onsiteatlas.notification.channel;

import java.io.UnsupportedEncodingException;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import com.onsiteatlas.domainevents.JakartaMailProvider;
import com.onsiteatlas.notification.config.NotificationProperties;

/**
 * Builds the MIME message of an e-mail: multipart/alternative (text + HTML, the QR image
 * related to the HTML as {@code cid:qrcode}), the event's footer,
 * {@code List-Unsubscribe} with RFC 8058 one-click for non-transactional mail, a
 * deterministic Message-ID per notification.
 */
class MimeMessages {

	static {
		JakartaMailProvider.nameStreamProvider();
	}

	private final NotificationProperties.Email properties;

	MimeMessages(NotificationProperties.Email properties) {
		this.properties = properties;
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

}

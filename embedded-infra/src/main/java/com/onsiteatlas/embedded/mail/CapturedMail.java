package com.onsiteatlas.embedded.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import com.onsiteatlas.domainevents.JakartaMailProvider;

/**
 * What the mail API shows of one captured mail. Bodies are decoded; attachments are
 * listed by name, type and decoded size, and read on demand from the raw source.
 *
 * @param id the catcher's id, increasing with arrival
 * @param messageId the {@code Message-ID} header, may be null
 * @param from the decoded {@code From} address, e.g.
 * {@code Atlas Demo <noreply@example.org>}
 * @param to decoded {@code To} addresses
 * @param cc decoded {@code Cc} addresses
 * @param envelopeRecipients the SMTP {@code RCPT TO} addresses, which include Bcc
 * recipients
 * @param subject the decoded subject
 * @param date the {@code Date} header, or the arrival time when absent
 * @param receivedAt when the catcher received it
 * @param textBody the first {@code text/plain} body part that is not an attachment
 * @param htmlBody the first {@code text/html} body part that is not an attachment
 * @param headers every header, decoded; repeated headers are joined with a line feed
 * @param attachments the attachments in MIME order
 * @param size the size of the raw source in bytes
 */
public record CapturedMail(long id, String messageId, String from, List<String> to, List<String> cc,
		List<String> envelopeRecipients, String subject, Instant date, Instant receivedAt, String textBody,
		String htmlBody, Map<String, String> headers, List<Attachment> attachments, long size) {

	static {
		JakartaMailProvider.nameStreamProvider();
	}

	// One session for parsing every captured message: a Session per message repeated the
	// StreamProvider lookup and the property parsing each time.
	private static final Session PARSING = Session.getInstance(new Properties());

	/**
	 * One attachment.
	 *
	 * @param fileName the decoded file name, may be null for unnamed non-text parts
	 * @param contentType the MIME type without parameters
	 * @param size decoded size in bytes
	 */
	public record Attachment(String fileName, String contentType, long size) {

	}

	/**
	 * Parses a raw RFC 822 message.
	 * @param id the catcher's id
	 * @param raw the message source
	 * @param envelopeRecipients the SMTP recipients
	 * @param receivedAt arrival time
	 * @return the parsed mail
	 * @throws MessagingException when the source is not a MIME message
	 * @throws IOException when a part cannot be read
	 */
	static CapturedMail parse(long id, byte[] raw, List<String> envelopeRecipients, Instant receivedAt)
			throws MessagingException, IOException {
		MimeMessage message = toMimeMessage(raw);
		Parts parts = new Parts();
		parts.walk(message);
		Address[] from = message.getFrom();
		return new CapturedMail(id, message.getMessageID(), (from != null && from.length > 0) ? decode(from[0]) : null,
				addresses(message, Message.RecipientType.TO), addresses(message, Message.RecipientType.CC),
				List.copyOf(envelopeRecipients), decodeText(message.getSubject()),
				(message.getSentDate() != null) ? message.getSentDate().toInstant() : receivedAt, receivedAt,
				parts.text, parts.html, headers(message), List.copyOf(parts.attachments), raw.length);
	}

	/**
	 * Reads the decoded bytes of one attachment from the raw source.
	 * @param raw the message source
	 * @param index the attachment's position in {@link #attachments()}
	 * @return the bytes, or null when there is no such attachment
	 * @throws MessagingException when the source is not a MIME message
	 * @throws IOException when the part cannot be read
	 */
	static byte[] attachmentBytes(byte[] raw, int index) throws MessagingException, IOException {
		Parts parts = new Parts();
		parts.keepAttachmentParts = true;
		parts.walk(toMimeMessage(raw));
		if (index < 0 || index >= parts.attachmentParts.size()) {
			return null;
		}
		try (InputStream in = parts.attachmentParts.get(index).getInputStream()) {
			return in.readAllBytes();
		}
	}

	private static MimeMessage toMimeMessage(byte[] raw) throws MessagingException {
		return new MimeMessage(PARSING, new ByteArrayInputStream(raw));
	}

	private static List<String> addresses(MimeMessage message, Message.RecipientType type) throws MessagingException {
		Address[] addresses;
		try {
			addresses = message.getRecipients(type);
		}
		catch (MessagingException ex) {
			String header = message.getHeader(type.toString(), ",");
			return (header != null) ? List.of(header) : List.of();
		}
		if (addresses == null) {
			return List.of();
		}
		List<String> decoded = new ArrayList<>();
		for (Address address : addresses) {
			decoded.add(decode(address));
		}
		return Collections.unmodifiableList(decoded);
	}

	private static String decode(Address address) {
		return (address instanceof InternetAddress internet) ? internet.toUnicodeString() : address.toString();
	}

	private static Map<String, String> headers(MimeMessage message) throws MessagingException {
		Map<String, String> headers = new LinkedHashMap<>();
		Enumeration<Header> all = message.getAllHeaders();
		while (all.hasMoreElements()) {
			Header header = all.nextElement();
			String value = decodeText(MimeUtility.unfold(header.getValue()));
			headers.merge(header.getName(), value, (first, next) -> first + "\n" + next);
		}
		return Collections.unmodifiableMap(headers);
	}

	private static String decodeText(String text) {
		if (text == null) {
			return null;
		}
		try {
			return MimeUtility.decodeText(text);
		}
		catch (UnsupportedEncodingException ex) {
			return text;
		}
	}

	private static final class Parts {

		private String text;

		private String html;

		private final List<Attachment> attachments = new ArrayList<>();

		private boolean keepAttachmentParts;

		private final List<Part> attachmentParts = new ArrayList<>();

		void walk(Part part) throws MessagingException, IOException {
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					walk(multipart.getBodyPart(i));
				}
				return;
			}
			String fileName = decodeText(part.getFileName());
			boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
			if (!attachment && part.isMimeType("text/plain") && this.text == null) {
				this.text = textOf(part);
			}
			else if (!attachment && part.isMimeType("text/html") && this.html == null) {
				this.html = textOf(part);
			}
			else {
				long size;
				try (InputStream in = part.getInputStream()) {
					size = in.transferTo(OutputStream.nullOutputStream());
				}
				this.attachments.add(new Attachment(fileName, baseType(part.getContentType()), size));
				if (this.keepAttachmentParts) {
					this.attachmentParts.add(part);
				}
			}
		}

		private static String textOf(Part part) throws MessagingException, IOException {
			try {
				Object content = part.getContent();
				if (content instanceof String string) {
					return string;
				}
			}
			catch (UnsupportedEncodingException ex) {
				// An unknown charset: show the bytes as UTF-8 rather than nothing.
			}
			try (InputStream in = part.getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}

		private static String baseType(String contentType) {
			if (contentType == null) {
				return "application/octet-stream";
			}
			int semicolon = contentType.indexOf(';');
			return ((semicolon >= 0) ? contentType.substring(0, semicolon) : contentType).trim()
				.toLowerCase(Locale.ROOT);
		}

	}

}

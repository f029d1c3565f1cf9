package com.onsiteatlas.reporting.delivery;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.JakartaMailProvider;

/**
 * Sends a report by e-mail over the platform's SMTP server: attached when it is small
 * enough, as a download link otherwise. Jakarta Mail blocks, so it runs on the
 * bounded-elastic scheduler with a timeout.
 */
@Component
public class MailDelivery {

	static {
		JakartaMailProvider.nameStreamProvider();
	}

	private final JavaMailSender mail;

	private final DeliveryProperties properties;

	MailDelivery(JavaMailSender mail, DeliveryProperties properties) {
		this.mail = mail;
		this.properties = properties;
	}

	/**
	 * Whether a file of this size is attached (otherwise linked).
	 * @param size bytes
	 * @return true when attached
	 */
	public boolean attaches(long size) {
		return size <= this.properties.attachmentLimit().toBytes();
	}

	public Mono<Void> send(List<String> recipients, String subject, String text, ReportFile file) {
		return Mono.fromRunnable(() -> {
			try {
				MimeMessage message = this.mail.createMimeMessage();
				// Without a stored copy there is no link to send: attach whatever the
				// size.
				boolean attach = file.bytes() != null && (attaches(file.size()) || file.downloadPath() == null);
				MimeMessageHelper helper = new MimeMessageHelper(message, attach, "UTF-8");
				helper.setFrom(this.properties.mailFrom());
				helper.setTo(recipients.toArray(String[]::new));
				helper.setSubject(subject);
				String body = (text != null) ? text : "Your scheduled report is ready.";
				if (attach) {
					helper.setText(body + "\n\nThe report is attached: " + file.name());
					helper.addAttachment(file.name(), new ByteArrayResource(file.bytes()), file.contentType());
				}
				else {
					helper.setText(body + "\n\nThe report is too large to attach (" + file.size()
							+ " bytes). Download it here: " + this.properties.publicBaseUrl() + file.downloadPath());
				}
				this.mail.send(message);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException("Cannot send the report e-mail: " + ex.getMessage(), ex);
			}
		}).subscribeOn(Schedulers.boundedElastic()).timeout(this.properties.timeout()).then();
	}

}

package com.onsiteatlas.notification.delivery;

import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.settings.NotificationConfig;
import com.onsiteatlas.notification.settings.NotificationConfigService;
import com.onsiteatlas.notification.template.NotificationTemplate;
import com.onsiteatlas.notification.template.TemplateService;
import com.onsiteatlas.notification.template.TemplateVariables;
import com.onsiteatlas.support.web.ApiException;

/**
 * Test sends of a template: rendered with sample data (or the given data) and delivered
 * through the real channel to the given or the configured test recipients. Lives with
 * delivery because it is a send.
 */
@Component
class TemplateTestSends {

	private final TemplateService templates;

	private final NotificationConfigService configs;

	private final NotificationService notifications;

	TemplateTestSends(TemplateService templates, NotificationConfigService configs, NotificationService notifications) {
		this.templates = templates;
		this.configs = configs;
		this.notifications = notifications;
	}

	/**
	 * Records a test send of a template.
	 * @param eventId the conference
	 * @param templateId the template
	 * @param email test e-mail address, or null for the configured one
	 * @param phone test phone, or null for the configured one
	 * @param data template variables over the samples, may be null
	 * @return what was queued, or a 400 when there is no test recipient for the channel
	 */
	Mono<TestSend> send(String eventId, String templateId, String email, String phone, Map<String, Object> data) {
		return this.templates.get(eventId, templateId).zipWith(this.configs.stored(eventId)).flatMap((pair) -> {
			NotificationTemplate template = pair.getT1();
			NotificationConfig.TestRecipients configured = pair.getT2().testRecipients();
			String toEmail = (email != null) ? email : (configured != null) ? configured.email() : null;
			String toPhone = (phone != null) ? phone : (configured != null) ? configured.phone() : null;
			String address = "email".equals(template.type()) ? toEmail : toPhone;
			if (address == null) {
				return Mono.error(ApiException
					.badRequest("No test recipient: give " + ("email".equals(template.type()) ? "'email'" : "'phone'")
							+ " or configure testRecipients in notification-config"));
			}
			Map<String, Object> model = TemplateVariables.sample(null);
			if (data != null) {
				model.putAll(data);
			}
			String batchId = "test:" + UUID.randomUUID();
			SendRequest send = new SendRequest(eventId, null, null, null, template, model,
					new Notification.Recipient("Test recipient", toEmail, toPhone), batchId, "test");
			return this.notifications.enqueue(Flux.just(send))
				.map((result) -> new TestSend(result.queued(), address, batchId));
		});
	}

	/**
	 * A recorded test send.
	 *
	 * @param queued notifications queued (0 or 1)
	 * @param recipient the address it goes to
	 * @param batchId its batch, for {@code notifications/progress?batch=}
	 */
	record TestSend(int queued, String recipient, String batchId) {
	}

}

package com.onsiteatlas.notification.template;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.readmodel.ConferenceView;
import com.onsiteatlas.readmodel.Directory;
import com.onsiteatlas.readmodel.RegistrationView;
import com.onsiteatlas.support.web.ApiError;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Previews of saved and unsaved templates: rendered with sample data or a registration of
 * the event, with the variables used, unknown, unused and empty, and the SMS length.
 */
@Component
class TemplatePreviews {

	private final TemplateService templates;

	private final TemplateValidation validation;

	private final TemplateEngine engine;

	private final Directory directory;

	TemplatePreviews(TemplateService templates, TemplateValidation validation, TemplateEngine engine,
			Directory directory) {
		this.templates = templates;
		this.validation = validation;
		this.engine = engine;
		this.directory = directory;
	}

	Mono<TemplatePreview> preview(String eventId, String id, PreviewRequest request) {
		return this.templates.get(eventId, id).flatMap((template) -> preview(eventId, template, request));
	}

	/**
	 * Previews a template that is not saved (the editor's live preview): the same checks
	 * as saving (a syntax error is a 400 naming the field) and the same answer as the
	 * preview of a saved template.
	 * @param eventId the conference
	 * @param request the unsaved content and the data
	 * @return the preview
	 */
	Mono<TemplatePreview> previewDraft(String eventId, DraftPreviewRequest request) {
		NotificationTemplate draft = new NotificationTemplate(null, eventId, "draft", null, request.type(),
				request.subject(), request.contentHtml(), request.contentText(), request.variables(), true, true,
				TemplateService.whatsapp(request.whatsapp()), null, null, null);
		List<ApiError.FieldError> errors = this.validation.syntaxErrors(draft);
		if (!errors.isEmpty()) {
			return Mono.error(ApiException.badRequest("The template is invalid", errors));
		}
		return preview(eventId, draft, request.previewRequest());
	}

	private Mono<TemplatePreview> preview(String eventId, NotificationTemplate template, PreviewRequest request) {
		return model(eventId, request).map((model) -> {
			RenderedMessage rendered;
			try {
				rendered = this.templates.render(template, model.values());
			}
			catch (TemplateRenderingException ex) {
				throw ApiException.badRequest(ex.getMessage());
			}
			Set<String> used = new LinkedHashSet<>();
			used.addAll(this.engine.variables(template.subject()));
			used.addAll(this.engine.variables(template.contentHtml()));
			used.addAll(this.engine.variables(template.contentText()));
			if (template.whatsapp() != null) {
				template.whatsapp().parameters().forEach((p) -> used.addAll(this.engine.variables(p)));
			}
			Set<String> known = TemplateVariables.names();
			List<String> unknown = used.stream()
				.filter((name) -> !known.contains(name) && !known.contains(root(name))
						&& !model.values().containsKey(root(name)))
				.toList();
			List<String> missing = template.variables().stream().filter((name) -> !used.contains(name)).toList();
			List<String> empty = used.stream()
				.filter((name) -> !name.equals(TemplateEngine.QR_TOKEN) && !name.contains(".")
						&& isEmpty(model.values().get(name)))
				.toList();
			MessageLength sms = "email".equals(template.type()) ? null : MessageLength.of(rendered.text());
			TemplatePreview.WhatsAppParameters whatsapp = (rendered.whatsappTemplate() != null)
					? new TemplatePreview.WhatsAppParameters(rendered.whatsappTemplate().name(),
							rendered.whatsappTemplate().parameters().size(), rendered.whatsappTemplate().parameters())
					: null;
			return new TemplatePreview(template.type(), rendered.subject(), rendered.html(), rendered.text(),
					List.copyOf(used), unknown, missing, empty, sms, whatsapp, model.source());
		});
	}

	private static String root(String name) {
		int dot = name.indexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

	private static boolean isEmpty(Object value) {
		return value == null || (value instanceof String string && string.isBlank());
	}

	private Mono<SourcedModel> model(String eventId, PreviewRequest request) {
		String eventType = (request != null) ? request.eventType() : null;
		if (request == null || request.registrationId() == null) {
			Map<String, Object> sample = TemplateVariables.sample(eventType);
			if (request != null && request.data() != null) {
				sample.putAll(request.data());
			}
			return Mono.just(new SourcedModel(sample, "sample"));
		}
		Mono<RegistrationView> registration = ObjectIds.isValid(request.registrationId())
				? this.directory.registration(eventId, request.registrationId())
				: this.directory.registrationByHumanId(eventId, request.registrationId());
		return registration
			.switchIfEmpty(Mono.error(() -> ApiException.badRequest("'registrationId' " + request.registrationId()
					+ " is not a registration of this event (unknown registration, or one of another event)")))
			.zipWith(
					this.directory.conference(eventId)
						.defaultIfEmpty(new ConferenceView(eventId, "", null, null, null, null, null, null, null, null,
								false, null)))
			.map((pair) -> {
				Map<String, Object> values = TemplateModel.of(pair.getT1(), pair.getT2()).build();
				if (request.data() != null) {
					values.putAll(request.data());
				}
				return new SourcedModel(values, "registration");
			});
	}

	private record SourcedModel(Map<String, Object> values, String source) {
	}

}

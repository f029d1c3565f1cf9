package com.onsiteatlas.notification.template;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.audit.AuditLog;
import com.onsiteatlas.support.audit.AuditRecord;
import com.onsiteatlas.support.audit.ChangedFields;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.web.ApiError;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;
import com.onsiteatlas.notification.audit.NotificationAuditAction;

/**
 * Stores templates and renders them for one recipient. What a template must be to be
 * saved is {@link TemplateValidation}; previews are {@link TemplatePreviews}.
 */
@Service
public class TemplateService {

	/** Bookkeeping fields every save changes. */
	private static final java.util.Set<String> UNAUDITED_FIELDS = java.util.Set.of("_id", "id", "updatedAt");

	private final NotificationTemplateRepository templates;

	private final TemplateEngine engine;

	private final TemplateValidation validation;

	private final Clock clock;

	private final AuditLog audit;

	TemplateService(NotificationTemplateRepository templates, TemplateEngine engine, TemplateValidation validation,
			Clock clock, AuditLog audit) {
		this.templates = templates;
		this.audit = audit;
		this.clock = clock;
		this.engine = engine;
		this.validation = validation;
	}

	Mono<Paged<NotificationTemplate>> list(String eventId, TemplateFilter filter, PageQuery page) {
		return this.templates.page(eventId, filter, page);
	}

	/**
	 * A template of an event.
	 * @param eventId the conference
	 * @param id the template id
	 * @return the template, or a 404 error
	 */
	public Mono<NotificationTemplate> get(String eventId, String id) {
		ObjectIds.require(id, "id");
		return this.templates.findOfEvent(eventId, id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Notification template not found")));
	}

	Mono<NotificationTemplate> create(String eventId, TemplateRequest request, String userId) {
		List<ApiError.FieldError> errors = new ArrayList<>();
		if (request.name() == null || request.name().isBlank()) {
			errors.add(new ApiError.FieldError("name", "is required"));
		}
		if (request.type() == null) {
			errors.add(new ApiError.FieldError("type", "is required"));
		}
		if (request.contentText() == null || request.contentText().isBlank()) {
			if (!"email".equals(request.type()) || request.contentHtml() == null || request.contentHtml().isBlank()) {
				errors.add(new ApiError.FieldError("contentText", "is required"));
			}
		}
		Instant now = this.clock.instant();
		NotificationTemplate template = new NotificationTemplate(new ObjectId().toHexString(), eventId, request.name(),
				request.description(), request.type(), request.subject(), request.contentHtml(), request.contentText(),
				request.variables(), request.isActive() == null || request.isActive(),
				request.transactional() == null || request.transactional(), whatsapp(request.whatsapp()), userId, now,
				now);
		this.validation.validate(template, errors);
		return this.templates.insert(template)
			.flatMap((saved) -> this.audit
				.record(AuditRecord.of(eventId, NotificationAuditAction.TEMPLATE_CREATED, "template", saved.id(),
						describe(saved)))
				.thenReturn(saved));
	}

	Mono<NotificationTemplate> update(String eventId, String id, TemplateRequest request) {
		return get(eventId, id).flatMap((current) -> {
			NotificationTemplate changed = new NotificationTemplate(current.id(), current.event(),
					or(request.name(), current.name()), or(request.description(), current.description()),
					or(request.type(), current.type()), or(request.subject(), current.subject()),
					or(request.contentHtml(), current.contentHtml()), or(request.contentText(), current.contentText()),
					or(request.variables(), current.variables()), or(request.isActive(), current.isActive()),
					or(request.transactional(), current.transactional()),
					(request.whatsapp() != null) ? whatsapp(request.whatsapp()) : current.whatsapp(),
					current.createdBy(), current.createdAt(), this.clock.instant());
			List<ApiError.FieldError> errors = new ArrayList<>();
			if (changed.name() == null || changed.name().isBlank()) {
				errors.add(new ApiError.FieldError("name", "must not be blank"));
			}
			this.validation.validate(changed, errors);
			return this.templates.save(changed)
				.flatMap((saved) -> this.audit
					.record(new AuditRecord(eventId, NotificationAuditAction.TEMPLATE_UPDATED, "template", saved.id(),
							describe(saved), ChangedFields.between(current, saved, UNAUDITED_FIELDS)))
					.thenReturn(saved));
		});
	}

	private static String describe(NotificationTemplate template) {
		return template.type() + " template '" + template.name() + "'";
	}

	/**
	 * Stores a template under an id its caller derives (the ONSITE ATLAS import keys it
	 * by event and legacy template key): creates it, or replaces the content of the one
	 * stored under that id, keeping who created it and when, so importing again updates
	 * instead of adding a copy.
	 * @param template the template, its {@code createdBy} the importing user
	 * @return the stored template and whether it was created
	 */
	public Mono<Stored> store(NotificationTemplate template) {
		return this.templates.findOfEvent(template.event(), template.id())
			.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMap((current) -> {
				Instant now = this.clock.instant();
				NotificationTemplate stored = new NotificationTemplate(template.id(), template.event(), template.name(),
						template.description(), template.type(), template.subject(), template.contentHtml(),
						template.contentText(), template.variables(), template.isActive(), template.transactional(),
						template.whatsapp(), current.map(NotificationTemplate::createdBy).orElse(template.createdBy()),
						current.map(NotificationTemplate::createdAt).orElse(now), now);
				this.validation.validate(stored, new ArrayList<>());
				return this.templates.save(stored).map((saved) -> new Stored(saved, current.isEmpty()));
			});
	}

	Mono<Void> delete(String eventId, String id) {
		return get(eventId, id)
			.flatMap((template) -> this.templates.delete(template)
				.then(this.audit.record(AuditRecord.of(eventId, NotificationAuditAction.TEMPLATE_DELETED, "template",
						template.id(), describe(template)))))
			.then();
	}

	/**
	 * Removes every template of a deleted event.
	 * @param eventId the conference
	 * @return number removed
	 */
	public Mono<Long> deleteEvent(String eventId) {
		return this.templates.removeAllOfEvent(eventId);
	}

	/**
	 * Renders a template for one recipient.
	 * @param template the template
	 * @param model the variables
	 * @return the message
	 * @throws TemplateRenderingException when the data does not fit the template
	 */
	public RenderedMessage render(NotificationTemplate template, Map<String, Object> model) {
		String html = null;
		String text;
		if ("email".equals(template.type())) {
			html = this.engine.renderHtml(template.contentHtml(), model);
			text = (template.contentText() != null && !template.contentText().isBlank())
					? this.engine.renderText(template.contentText(), model) : HtmlText.toText(html);
		}
		else {
			text = this.engine.renderText(template.contentText(), model);
		}
		RenderedMessage.WhatsAppMessage whatsapp = null;
		if (template.whatsapp() != null) {
			whatsapp = new RenderedMessage.WhatsAppMessage(template.whatsapp().name(),
					(template.whatsapp().language() != null) ? template.whatsapp().language() : "en",
					template.whatsapp().parameters().stream().map((p) -> this.engine.renderText(p, model)).toList());
		}
		boolean qr = html != null && template.contentHtml() != null
				&& template.contentHtml().contains(TemplateEngine.QR_TOKEN);
		return new RenderedMessage(template.type(), this.engine.renderText(template.subject(), model), html, text, qr,
				whatsapp, template.transactional());
	}

	/**
	 * A template named in a request body: it must belong to the event of the path. A
	 * template of another event answers 400 naming the field, exactly like an unknown
	 * one, so the answer does not reveal that it exists elsewhere.
	 * @param eventId the conference
	 * @param id template id
	 * @param field the body field that holds it
	 * @return the template
	 */
	public Mono<NotificationTemplate> require(String eventId, String id, String field) {
		String templateId = ObjectIds.require(id, field);
		return this.templates.findOfEvent(eventId, templateId)
			.switchIfEmpty(Mono.error(() -> ApiException.badRequest("'" + field + "' " + templateId
					+ " is not a template of this event (unknown template, or one of another event)")));
	}

	/**
	 * A template a trigger may use: it must belong to the event and be of the trigger's
	 * channel.
	 * @param eventId the conference
	 * @param id template id
	 * @param channel the channel it must be for
	 * @return the template
	 */
	public Mono<NotificationTemplate> requireUsable(String eventId, String id, String channel) {
		return require(eventId, id, "templates[].template").map((template) -> {
			if (channel != null && !channel.equals(template.type())) {
				throw ApiException
					.badRequest("Template " + id + " is a " + template.type() + " template, not " + channel);
			}
			return template;
		});
	}

	/**
	 * A template {@link #store stored} under its id.
	 *
	 * @param template the template as stored
	 * @param created true when there was none under that id before
	 */
	public record Stored(NotificationTemplate template, boolean created) {
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	static NotificationTemplate.WhatsAppTemplate whatsapp(TemplateRequest.WhatsAppRequest request) {
		return (request != null)
				? new NotificationTemplate.WhatsAppTemplate(request.name(), request.language(), request.parameters())
				: null;
	}

}

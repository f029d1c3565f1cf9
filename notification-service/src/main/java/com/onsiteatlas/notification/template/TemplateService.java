package com.onsiteatlas.notification.template;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.projection.ConferenceView;
import com.onsiteatlas.support.projection.Directory;
import com.onsiteatlas.support.projection.RegistrationView;
import com.onsiteatlas.support.web.ApiError;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Stores templates and renders them.
 */
@Service
public class TemplateService {

	private final ReactiveMongoTemplate mongo;

	private final TemplateEngine engine;

	private final Directory directory;

	private final Clock clock;

	TemplateService(ReactiveMongoTemplate mongo, TemplateEngine engine, Directory directory, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		this.engine = engine;
		this.directory = directory;
	}

	Mono<Paged<NotificationTemplate>> list(String eventId, String type, Boolean active, String search, PageQuery page) {
		Criteria criteria = Criteria.where("event").is(eventId);
		if (type != null) {
			criteria.and("type").is(type);
		}
		if (active != null) {
			criteria.and("isActive").is(active);
		}
		if (search != null && !search.isBlank()) {
			criteria.and("name").regex(Pattern.quote(search.trim()), "i");
		}
		return MongoPaging.find(this.mongo, Query.query(criteria), NotificationTemplate.class, page);
	}

	/**
	 * A template of an event.
	 * @param eventId the conference
	 * @param id the template id
	 * @return the template, or a 404 error
	 */
	public Mono<NotificationTemplate> get(String eventId, String id) {
		ObjectIds.require(id, "id");
		return this.mongo
			.findOne(Query.query(Criteria.where("_id").is(id).and("event").is(eventId)), NotificationTemplate.class)
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
		validate(template, errors);
		return this.mongo.insert(template);
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
			validate(changed, errors);
			return this.mongo.save(changed);
		});
	}

	Mono<Void> delete(String eventId, String id) {
		return get(eventId, id).flatMap(this.mongo::remove).then();
	}

	/**
	 * Removes every template of a deleted event.
	 * @param eventId the conference
	 * @return number removed
	 */
	public Mono<Long> deleteEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), NotificationTemplate.class)
			.map((result) -> result.getDeletedCount());
	}

	private void validate(NotificationTemplate template, List<ApiError.FieldError> errors) {
		if ("email".equals(template.type())) {
			if (template.subject() == null || template.subject().isBlank()) {
				errors.add(new ApiError.FieldError("subject", "is required for e-mail templates"));
			}
		}
		checkSyntax("subject", template.subject(), errors);
		checkSyntax("contentHtml", template.contentHtml(), errors);
		checkSyntax("contentText", template.contentText(), errors);
		if (template.whatsapp() != null) {
			for (int i = 0; i < template.whatsapp().parameters().size(); i++) {
				checkSyntax("whatsapp.parameters[" + i + "]", template.whatsapp().parameters().get(i), errors);
			}
		}
		if (!errors.isEmpty()) {
			throw ApiException.badRequest("The template is invalid", errors);
		}
	}

	private void checkSyntax(String field, String source, List<ApiError.FieldError> errors) {
		String error = this.engine.syntaxError(source);
		if (error != null) {
			errors.add(new ApiError.FieldError(field, error));
		}
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

	Mono<TemplatePreview> preview(String eventId, String id, PreviewRequest request) {
		return get(eventId, id).flatMap((template) -> preview(eventId, template, request));
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
		List<ApiError.FieldError> errors = new ArrayList<>();
		NotificationTemplate draft = new NotificationTemplate(null, eventId, "draft", null, request.type(),
				request.subject(), request.contentHtml(), request.contentText(), request.variables(), true, true,
				whatsapp(request.whatsapp()), null, null, null);
		checkSyntax("subject", draft.subject(), errors);
		checkSyntax("contentHtml", draft.contentHtml(), errors);
		checkSyntax("contentText", draft.contentText(), errors);
		if (draft.whatsapp() != null) {
			for (int i = 0; i < draft.whatsapp().parameters().size(); i++) {
				checkSyntax("whatsapp.parameters[" + i + "]", draft.whatsapp().parameters().get(i), errors);
			}
		}
		if (!errors.isEmpty()) {
			return Mono.error(ApiException.badRequest("The template is invalid", errors));
		}
		return preview(eventId, draft, request.previewRequest());
	}

	private Mono<TemplatePreview> preview(String eventId, NotificationTemplate template, PreviewRequest request) {
		return model(eventId, request).map((model) -> {
			RenderedMessage rendered;
			try {
				rendered = render(template, model.values());
			}
			catch (TemplateRenderingException ex) {
				throw ApiException.badRequest(ex.getMessage());
			}
			Set<String> used = new java.util.LinkedHashSet<>();
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
				Map<String, Object> values = modelOf(pair.getT1(), pair.getT2()).build();
				if (request.data() != null) {
					values.putAll(request.data());
				}
				return new SourcedModel(values, "registration");
			});
	}

	/**
	 * The template variables of a projected registration.
	 * @param registration the registration
	 * @param conference its conference
	 * @return the model
	 */
	public static TemplateModel modelOf(RegistrationView registration, ConferenceView conference) {
		ConferenceRef ref = new ConferenceRef(conference.id(), (conference.name() != null) ? conference.name() : "",
				conference.startDate(), conference.endDate(), conference.timezone(), conference.venue());
		RegistrationSnapshot snapshot = new RegistrationSnapshot(registration.id(), registration.registrationId(),
				registration.personalInfo(), registration.category(), registration.status(),
				registration.paymentStatus(), registration.registrationType(), registration.amountCents(),
				registration.currency(), registration.customFields());
		return TemplateModel.create().conference(ref, conference.locale()).registration(snapshot);
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
		return this.mongo
			.findOne(Query.query(Criteria.where("_id").is(templateId).and("event").is(eventId)),
					NotificationTemplate.class)
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

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static NotificationTemplate.WhatsAppTemplate whatsapp(TemplateRequest.WhatsAppRequest request) {
		return (request != null)
				? new NotificationTemplate.WhatsAppTemplate(request.name(), request.language(), request.parameters())
				: null;
	}

	private record SourcedModel(Map<String, Object> values, String source) {
	}

}

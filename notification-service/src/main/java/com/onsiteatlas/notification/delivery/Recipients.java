package com.onsiteatlas.notification.delivery;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.template.NotificationTemplate;
import com.onsiteatlas.notification.template.TemplateModel;
import com.onsiteatlas.readmodel.ConferenceView;
import com.onsiteatlas.readmodel.Directory;
import com.onsiteatlas.readmodel.RegistrationView;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Turns explicit registrations or a filter into send requests, from the registrations and
 * conferences read models.
 */
@Component
public class Recipients {

	/** Explicit lists are capped to keep one request bounded; filters are not. */
	static final int MAX_EXPLICIT = 10_000;

	private final Directory directory;

	private final AudienceRepository audiences;

	Recipients(Directory directory, AudienceRepository audiences) {
		this.directory = directory;
		this.audiences = audiences;
	}

	/**
	 * The registrations a bulk send reaches.
	 * @param eventId the conference
	 * @param registrationIds explicit registration {@code _id}s, or null
	 * @param filter a filter, used when no ids are given
	 * @return registrations
	 */
	public Flux<RegistrationView> registrations(String eventId, List<String> registrationIds, RecipientFilter filter) {
		if (registrationIds != null && !registrationIds.isEmpty()) {
			return explicit(eventId, registrationIds).flatMapMany(Flux::fromIterable);
		}
		return this.audiences.matching(eventId, effective(filter));
	}

	/**
	 * The registrations a bulk send reaches, counted before they are read: an explicit
	 * list is checked whole (it is capped at {@value #MAX_EXPLICIT}); a filter's
	 * registrations are counted, and streamed from the read model only when the returned
	 * audience is subscribed to, so a large audience is never held whole.
	 * @param eventId the conference
	 * @param registrationIds explicit registration {@code _id}s, or null
	 * @param filter a filter, used when no ids are given
	 * @return the audience, or a 400 error for an id that is not a registration of the
	 * event
	 */
	Mono<Audience> audience(String eventId, List<String> registrationIds, RecipientFilter filter) {
		if (registrationIds != null && !registrationIds.isEmpty()) {
			return explicit(eventId, registrationIds)
				.map((found) -> new Audience(Flux.fromIterable(found), found.size()));
		}
		RecipientFilter effective = effective(filter);
		return this.audiences.count(eventId, effective)
			.map((size) -> new Audience(this.audiences.matching(eventId, effective), size));
	}

	private Mono<List<RegistrationView>> explicit(String eventId, List<String> registrationIds) {
		if (registrationIds.size() > MAX_EXPLICIT) {
			throw ApiException.badRequest("At most " + MAX_EXPLICIT + " registrationIds per request");
		}
		Set<String> wanted = new LinkedHashSet<>();
		registrationIds.forEach((id) -> wanted.add(ObjectIds.require(id, "registrationIds")));
		// All or nothing: an id that is not a registration of this event (unknown, or of
		// another event) refuses the whole request before anything is queued.
		return this.audiences.byIds(eventId, wanted).collectList().flatMap((found) -> {
			Set<String> missing = new LinkedHashSet<>(wanted);
			found.forEach((registration) -> missing.remove(registration.id()));
			if (!missing.isEmpty()) {
				return Mono.error(ApiException.badRequest("'registrationIds' holds " + missing.size()
						+ " id(s) that are not registrations of this event (unknown, or of another event): "
						+ missing.stream().limit(10).collect(Collectors.joining(", "))
						+ ((missing.size() > 10) ? ", ..." : "")));
			}
			return Mono.just(found);
		});
	}

	private static RecipientFilter effective(RecipientFilter filter) {
		return (filter != null) ? filter : RecipientFilter.active();
	}

	/**
	 * The conference, or a placeholder when the read model has not seen it yet.
	 * @param eventId the conference
	 * @return the conference
	 */
	public Mono<ConferenceView> conference(String eventId) {
		return this.directory.conference(eventId)
			.defaultIfEmpty(
					new ConferenceView(eventId, "", null, null, null, null, null, null, null, null, false, null));
	}

	/**
	 * A send request for one registration.
	 * @param registration the registration
	 * @param conference its conference
	 * @param template the template
	 * @param triggerId trigger, may be null
	 * @param sourceKey the cause
	 * @param source the kind of cause
	 * @param extra extra variables, may be null
	 * @return the request
	 */
	public SendRequest request(RegistrationView registration, ConferenceView conference, NotificationTemplate template,
			String triggerId, String sourceKey, String source, java.util.Map<String, Object> extra) {
		TemplateModel model = TemplateModel.of(registration, conference);
		if (extra != null) {
			extra.forEach(model::put);
		}
		var info = registration.personalInfo();
		Notification.Recipient recipient = new Notification.Recipient((info != null) ? info.fullName() : null,
				(info != null) ? info.email() : null, (info != null) ? info.phone() : null);
		return new SendRequest(registration.eventId(), registration.id(), registration.registrationId(), triggerId,
				template, model.build(), recipient, sourceKey, source);
	}

	/**
	 * The registrations of a bulk send.
	 *
	 * @param registrations the registrations, read when subscribed to
	 * @param size how many there are (counted when the send was asked for)
	 */
	record Audience(Flux<RegistrationView> registrations, long size) {
	}

}

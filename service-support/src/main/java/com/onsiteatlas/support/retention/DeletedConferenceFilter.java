package com.onsiteatlas.support.retention;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Answers 410 Gone to every {@code /api/events/{eventId}/...} call for a deleted (not yet
 * purged) conference, before any controller runs, so nothing of it is read, changed, sent
 * or exported through the API. The operator's retention routes
 * ({@code /api/events/{eventId}/retention/...}) stay reachable. Runs after
 * authentication, so an anonymous caller learns nothing about the conference.
 */
public class DeletedConferenceFilter implements WebFilter, Ordered {

	private static final Pattern EVENT_PATH = Pattern.compile("^/api/events/([^/]+)(/.*)?$");

	private final DeletedConferences deleted;

	public DeletedConferenceFilter(DeletedConferences deleted) {
		this.deleted = deleted;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Matcher matcher = EVENT_PATH.matcher(exchange.getRequest().getPath().pathWithinApplication().value());
		if (!matcher.matches() || !ObjectIds.isValid(matcher.group(1))
				|| (matcher.group(2) != null && matcher.group(2).startsWith("/retention/"))) {
			return chain.filter(exchange);
		}
		String eventId = matcher.group(1);
		return this.deleted.find(eventId)
			// Once purged the data is gone and the routes answer as they did after a
			// deletion before retention existed (empty lists, 404s).
			.filter((tombstone) -> tombstone.status() == TombstoneStatus.DELETED)
			.flatMap((tombstone) -> Mono.<Void>error(new ApiException(HttpStatus.GONE, message(tombstone))))
			.switchIfEmpty(Mono.defer(() -> chain.filter(exchange)));
	}

	private static String message(DeletedConference tombstone) {
		return "Conference " + tombstone.eventId() + " was deleted on " + tombstone.deletedAt()
				+ "; its data is kept until " + tombstone.purgeAfter() + " and an operator can restore it";
	}

	@Override
	public int getOrder() {
		// After Spring Security's WebFilterChainProxy (-100).
		return 0;
	}

}

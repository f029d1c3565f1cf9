package com.onsiteatlas.notification.trigger;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.config.NotificationProperties;
import com.onsiteatlas.notification.delivery.NotificationService;
import com.onsiteatlas.notification.delivery.SendRequest;

/**
 * The dry run of a manual trigger: what it would send, to whom, and how long it would
 * take, without recording anything.
 */
@Component
class TriggerAudiences {

	private final TriggerRuns runs;

	private final NotificationService notifications;

	private final NotificationProperties properties;

	TriggerAudiences(TriggerRuns runs, NotificationService notifications, NotificationProperties properties) {
		this.runs = runs;
		this.notifications = notifications;
		this.properties = properties;
	}

	/**
	 * What a manual trigger would send, without sending: the registrations it reaches,
	 * the notifications per channel (those without an address are recorded as skipped)
	 * and how long the dispatcher needs at the channel's pacing, counting what is already
	 * waiting on that channel.
	 * @param eventId the conference
	 * @param id the trigger
	 * @param request the audience
	 * @return the audience
	 */
	Mono<Audience> audience(String eventId, String id, ManualTriggerRequest request) {
		return this.runs.manualTrigger(eventId, id, request)
			.flatMap((trigger) -> this.runs
				.requests(trigger, request.registrationIds(), request.filter(), "dry-run", "manual", request.data())
				.collectList()
				.flatMap((requests) -> {
					Map<String, int[]> perChannel = new LinkedHashMap<>();
					Set<String> registrations = new HashSet<>();
					for (SendRequest send : requests) {
						registrations.add(send.registration());
						int[] counts = perChannel.computeIfAbsent(send.template().type(), (key) -> new int[2]);
						counts[0]++;
						String address = "email".equals(send.template().type()) ? send.recipient().email()
								: send.recipient().phone();
						if (address == null || address.isBlank()) {
							counts[1]++;
						}
					}
					return Flux.fromIterable(perChannel.entrySet())
						.concatMap((entry) -> this.notifications.pendingCount(entry.getKey()).map((ahead) -> {
							int sendable = entry.getValue()[0] - entry.getValue()[1];
							double rate = this.properties.rateLimit(entry.getKey());
							long eta = (long) Math.ceil((ahead + sendable) / rate);
							return new Audience.Channel(entry.getKey(), entry.getValue()[0], entry.getValue()[1], ahead,
									rate, eta);
						}))
						.collectList()
						.map((channels) -> new Audience(registrations.size(), requests.size(), channels,
								channels.stream().mapToLong(Audience.Channel::etaSeconds).max().orElse(0)));
				}));
	}

	/**
	 * The audience of a manual trigger (a dry run).
	 *
	 * @param registrations registrations on which the conditions hold
	 * @param notifications notifications it would record
	 * @param channels per channel
	 * @param etaSeconds until the last one is sent (channels send in parallel)
	 */
	record Audience(int registrations, int notifications, List<Channel> channels, long etaSeconds) {

		/**
		 * One channel of the audience.
		 *
		 * @param channel email, sms or whatsapp
		 * @param notifications notifications on this channel
		 * @param withoutAddress of which have no address (recorded as skipped)
		 * @param queuedAhead notifications already waiting on this channel
		 * @param ratePerSecond the channel's pacing per instance
		 * @param etaSeconds until the last one is sent at that pace
		 */
		record Channel(String channel, int notifications, int withoutAddress, long queuedAhead, double ratePerSecond,
				long etaSeconds) {
		}

	}

}

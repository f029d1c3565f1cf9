package com.onsiteatlas.notification.cutover;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.notification.audit.NotificationAuditAction;
import com.onsiteatlas.support.audit.AuditLog;
import com.onsiteatlas.support.audit.AuditRecord;
import com.onsiteatlas.notification.cutover.LegacyCutover.ImportedSwitch;
import com.onsiteatlas.notification.trigger.NotificationTrigger;
import com.onsiteatlas.notification.trigger.TriggerService;
import com.onsiteatlas.support.web.ApiException;

/**
 * The cutover from ONSITE ATLAS's e-mails of one conference: import (templates and
 * inactive triggers, {@link LegacyImports}), the state, and the activation that switches
 * the triggers on and names the legacy switches to turn off.
 */
@Service
public class LegacyCutoverService {

	private final LegacyCutoverRepository cutovers;

	private final LegacyImports imports;

	private final TriggerService triggers;

	private final java.time.Clock clock;

	private final AuditLog audit;

	LegacyCutoverService(LegacyCutoverRepository cutovers, LegacyImports imports, TriggerService triggers,
			java.time.Clock clock, AuditLog audit) {
		this.cutovers = cutovers;
		this.audit = audit;
		this.imports = imports;
		this.triggers = triggers;
		this.clock = clock;
	}

	/**
	 * Imports (again) a conference's ONSITE ATLAS e-mail settings.
	 * @param eventId the conference
	 * @param settings the settings
	 * @param userId the importing user
	 * @return the state after the import, and the template counts
	 */
	Mono<ImportResult> importSettings(String eventId, LegacyEmailSettings settings, String userId) {
		return this.imports.importSettings(eventId, settings, userId)
			.flatMap((imported) -> find(eventId).map(java.util.Optional::of)
				.defaultIfEmpty(java.util.Optional.empty())
				.flatMap((previous) -> {
					LegacyCutover cutover = imported.cutover();
					LegacyCutover merged = new LegacyCutover(cutover.id(), cutover.emailEnabled(), cutover.templates(),
							cutover.switches(), cutover.importedBy(), cutover.importedAt(),
							previous.map(LegacyCutover::activatedBy).orElse(null),
							previous.map(LegacyCutover::activatedAt).orElse(null));
					return this.cutovers.save(merged);
				})
				.flatMap(this::state)
				.map((state) -> new ImportResult(state, imported.templatesCreated(), imported.templatesUpdated()))
				.flatMap(
						(result) -> this.audit
							.record(AuditRecord.of(eventId, NotificationAuditAction.LEGACY_CUTOVER_IMPORTED,
									"legacy-cutover", eventId, result.templatesCreated() + " template(s) created, "
											+ result.templatesUpdated() + " updated"))
							.thenReturn(result)));
	}

	/**
	 * The state of a conference's cutover.
	 * @param eventId the conference
	 * @return the state, or 404 before the first import
	 */
	Mono<CutoverState> state(String eventId) {
		return require(eventId).flatMap(this::state);
	}

	/**
	 * Switches on the imported triggers of every e-mail ONSITE ATLAS sends today; the
	 * others stay inactive, as they are there.
	 * @param eventId the conference
	 * @param userId who activates
	 * @return the state after it, with the settings to turn off in ONSITE ATLAS
	 */
	Mono<Activation> activate(String eventId, String userId) {
		return require(eventId).flatMap((cutover) -> {
			List<String> activated = new ArrayList<>();
			List<CutoverState.KeepOn> failed = new ArrayList<>();
			return Flux.fromIterable(cutover.switches())
				.filter((item) -> item.triggerId() != null && item.legacySends())
				.concatMap((item) -> this.triggers.activate(eventId, item.triggerId())
					.doOnNext((trigger) -> activated.add(trigger.id()))
					.onErrorResume(ApiException.class, (ex) -> {
						failed.add(new CutoverState.KeepOn(item.setting(),
								"its trigger could not be activated: " + ex.getMessage()));
						return Mono.empty();
					}))
				.then(Mono.defer(() -> this.cutovers.save(cutover.activated(userId, this.clock.instant()))))
				.flatMap(this::state)
				.map((state) -> new Activation(List.copyOf(activated), withFailures(state, failed)))
				.flatMap(
						(activation) -> this.audit
							.record(AuditRecord.of(eventId, NotificationAuditAction.LEGACY_CUTOVER_ACTIVATED,
									"legacy-cutover", eventId, activated.size() + " trigger(s) activated " + activated
											+ ", " + failed.size() + " failed"))
							.thenReturn(activation));
		});
	}

	private static CutoverState withFailures(CutoverState state, List<CutoverState.KeepOn> failed) {
		if (failed.isEmpty()) {
			return state;
		}
		List<CutoverState.KeepOn> keepOn = new ArrayList<>(state.keepOn());
		keepOn.addAll(failed);
		return new CutoverState(state.eventId(), state.emailEnabled(), state.importedAt(), state.activatedAt(),
				state.templates(), state.switches(), state.turnOff(), keepOn);
	}

	/**
	 * Removes the cutover record of a deleted event (its templates and triggers go with
	 * the others').
	 * @param eventId the conference
	 * @return completion
	 */
	public Mono<Void> deleteEvent(String eventId) {
		return this.cutovers.deleteById(eventId);
	}

	private Mono<LegacyCutover> find(String eventId) {
		return this.cutovers.findById(eventId);
	}

	private Mono<LegacyCutover> require(String eventId) {
		return find(eventId).switchIfEmpty(Mono.error(() -> ApiException
			.notFound("Nothing imported from ONSITE ATLAS for this event yet: POST the Event's emailSettings to "
					+ "/api/events/" + eventId + "/notification/legacy-cutover/import first")));
	}

	private Mono<CutoverState> state(LegacyCutover cutover) {
		return Flux.fromIterable(cutover.switches())
			.concatMap((item) -> status(cutover.id(), item).map((status) -> toSwitch(item, status)))
			.collectList()
			.map((switches) -> {
				List<String> turnOff = new ArrayList<>();
				List<CutoverState.KeepOn> keepOn = new ArrayList<>();
				for (CutoverState.Switch item : switches) {
					if (!item.legacySends()) {
						continue;
					}
					if (item.status() == SwitchStatus.ACTIVE) {
						turnOff.add(item.setting() + " = false");
					}
					else if (item.status() == SwitchStatus.NO_TRIGGER) {
						keepOn.add(new CutoverState.KeepOn(item.setting(), item.note()));
					}
				}
				return new CutoverState(cutover.id(), cutover.emailEnabled(), cutover.importedAt(),
						cutover.activatedAt(), cutover.templates(), switches, turnOff, keepOn);
			});
	}

	private Mono<SwitchStatus> status(String eventId, ImportedSwitch item) {
		if (item.triggerId() == null) {
			return Mono.just(SwitchStatus.NO_TRIGGER);
		}
		return this.triggers.find(eventId, item.triggerId())
			.map(NotificationTrigger::isActive)
			.map((active) -> active ? SwitchStatus.ACTIVE : SwitchStatus.INACTIVE)
			.defaultIfEmpty(SwitchStatus.NO_TRIGGER);
	}

	private static CutoverState.Switch toSwitch(ImportedSwitch item, SwitchStatus status) {
		String note = (status == SwitchStatus.NO_TRIGGER && item.triggerId() != null)
				? "The imported trigger was deleted here: import again to recreate it" : item.note();
		return new CutoverState.Switch(item.key(), item.setting(), item.legacySends(), item.templateKey(),
				(status == SwitchStatus.NO_TRIGGER) ? null : item.triggerId(), item.triggerType(), item.eventType(),
				status, note);
	}

	/**
	 * The answer of an import.
	 *
	 * @param state the state after it
	 * @param templatesCreated templates this import created
	 * @param templatesUpdated templates that existed and were updated
	 */
	record ImportResult(@com.fasterxml.jackson.annotation.JsonUnwrapped CutoverState state, int templatesCreated,
			int templatesUpdated) {
	}

	/**
	 * The answer of an activation.
	 *
	 * @param activated the triggers switched on
	 * @param state the state after it ({@code turnOff} names the ONSITE ATLAS settings)
	 */
	record Activation(List<String> activated, @com.fasterxml.jackson.annotation.JsonUnwrapped CutoverState state) {
	}

}

package com.onsiteatlas.notification.cutover;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.cutover.LegacyCutover.ImportedSwitch;
import com.onsiteatlas.notification.cutover.LegacyCutover.ImportedTemplate;
import com.onsiteatlas.notification.cutover.LegacyEmailSettings.LegacyTemplate;
import com.onsiteatlas.notification.template.NotificationTemplate;
import com.onsiteatlas.notification.template.TemplateService;
import com.onsiteatlas.notification.template.TemplateVariables;
import com.onsiteatlas.notification.trigger.NotificationTrigger;
import com.onsiteatlas.notification.trigger.TriggerService;
import com.onsiteatlas.readmodel.ConferenceView;
import com.onsiteatlas.readmodel.Directory;

/**
 * Imports one conference's ONSITE ATLAS e-mails: each stored template becomes an e-mail
 * template, each {@code automaticEmails} switch with an equivalent an inactive trigger.
 * Both are stored under ids derived from the event and the legacy key, so importing again
 * updates them and never adds copies, and never changes whether a trigger is active.
 */
@Component
class LegacyImports {

	/** The reminder goes out the day before the first day, at this local time. */
	static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

	private static final Map<String, String> LABELS = Map.ofEntries(
			Map.entry("registration", "Registration confirmation"), Map.entry("reminder", "Event reminder"),
			Map.entry("certificate", "Certificate"), Map.entry("workshop", "Workshop information"),
			Map.entry("scientificBrochure", "Scientific brochure"),
			Map.entry("abstractSubmission", "Abstract submitted"), Map.entry("abstractApproved", "Abstract approved"),
			Map.entry("abstractRejected", "Abstract rejected"),
			Map.entry("abstractRevisionRequested", "Abstract revision requested"),
			Map.entry("authorSignup", "Author sign-up"), Map.entry("custom", "Custom e-mail"),
			Map.entry("paymentInvoice", "Payment invoice"));

	/** The event type whose variables a template without a switch is written for. */
	private static final Map<String, String> VARIABLES_OF = Map.of("paymentInvoice", "payment-received",
			"abstractSubmission", "abstract-submitted", "abstractApproved", "abstract-status-changed",
			"abstractRejected", "abstract-status-changed", "abstractRevisionRequested", "abstract-status-changed");

	private static final String SENT_WITHOUT_SWITCH = "ONSITE ATLAS sends this itself and has no automaticEmails "
			+ "switch for it, so a trigger here would mail twice: none was made (create one once ONSITE ATLAS no "
			+ "longer sends it)";

	private final TemplateService templates;

	private final TriggerService triggers;

	private final Directory directory;

	private final Clock clock;

	LegacyImports(TemplateService templates, TriggerService triggers, Directory directory, Clock clock) {
		this.templates = templates;
		this.triggers = triggers;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * Imports the settings.
	 * @param eventId the conference
	 * @param settings its ONSITE ATLAS e-mail settings
	 * @param userId the importing user
	 * @return the record of the import and how many templates were created
	 */
	Mono<Imported> importSettings(String eventId, LegacyEmailSettings settings, String userId) {
		Flux<TemplateResult> stored = Flux.fromIterable(settings.templates().entrySet())
			.concatMap((entry) -> storeTemplate(eventId, entry.getKey(), entry.getValue(), userId));
		return stored.collectList()
			.zipWith(this.directory.conference(eventId).map(Optional::of).defaultIfEmpty(Optional.empty()))
			.flatMap((tuple) -> Flux.fromArray(AutomaticEmail.values())
				.concatMap((email) -> storeSwitch(eventId, email, settings, tuple.getT1(), tuple.getT2(), userId))
				.collectList()
				.map((switches) -> {
					List<ImportedTemplate> imported = tuple.getT1().stream().map(TemplateResult::imported).toList();
					int created = (int) tuple.getT1().stream().filter(TemplateResult::created).count();
					LegacyCutover cutover = new LegacyCutover(eventId, settings.enabled(), imported, switches, userId,
							this.clock.instant(), null, null);
					return new Imported(cutover, created, imported.size() - created);
				}));
	}

	private Mono<TemplateResult> storeTemplate(String eventId, String key, LegacyTemplate legacy, String userId) {
		Optional<AutomaticEmail> email = AutomaticEmail.forTemplate(key);
		String variablesOf = email.map(AutomaticEmail::eventType).orElse(VARIABLES_OF.get(key));
		Set<String> known = TemplateVariables.of(variablesOf)
			.stream()
			.map(TemplateVariables.Variable::name)
			.collect(java.util.stream.Collectors.toSet());
		String body = key.startsWith("abstract") ? legacy.body().replace("\n", "<br/>") : legacy.body();
		LegacyPlaceholders.Converted subject = LegacyPlaceholders.convert(legacy.subject(), known, false);
		LegacyPlaceholders.Converted html = LegacyPlaceholders.convert(body, known, true);
		Set<String> variables = new LinkedHashSet<>(subject.variables());
		variables.addAll(html.variables());
		Set<String> unknown = new LinkedHashSet<>(subject.unknown());
		unknown.addAll(html.unknown());
		String name = LABELS.getOrDefault(key, key) + " (imported from ONSITE ATLAS)";
		Instant now = this.clock.instant();
		NotificationTemplate template = new NotificationTemplate(id("template", eventId, key), eventId, name,
				"Imported from ONSITE ATLAS emailSettings.templates." + key, "email", subject.text(), html.text(), null,
				List.copyOf(variables), true, true, null, userId, now, now);
		String note = email
			.map((e) -> (e.equivalent() == AutomaticEmail.Equivalent.NONE) ? e.noEquivalentReason() : null)
			.orElseGet(() -> templateNote(key));
		return this.templates.store(template)
			.map((stored) -> new TemplateResult(new ImportedTemplate(key, stored.template().id(), name,
					List.copyOf(variables), List.copyOf(unknown), note), stored.created()));
	}

	private static String templateNote(String key) {
		if (VARIABLES_OF.containsKey(key) || "authorSignup".equals(key)) {
			return SENT_WITHOUT_SWITCH;
		}
		if ("custom".equals(key)) {
			return "For manual sends (notifications/send); ONSITE ATLAS sends it only when asked to";
		}
		return "Not a template key ONSITE ATLAS documents; imported for manual sends";
	}

	private Mono<ImportedSwitch> storeSwitch(String eventId, AutomaticEmail email, LegacyEmailSettings settings,
			List<TemplateResult> stored, Optional<ConferenceView> conference, String userId) {
		boolean sends = settings.sends(email);
		Optional<ImportedTemplate> template = stored.stream()
			.map(TemplateResult::imported)
			.filter((candidate) -> candidate.key().equals(email.templateKey()))
			.findFirst();
		if (email.equivalent() == AutomaticEmail.Equivalent.NONE) {
			return Mono.just(noTrigger(email, sends, email.noEquivalentReason()));
		}
		if (template.isEmpty()) {
			return Mono.just(noTrigger(email, sends, "emailSettings.templates." + email.templateKey()
					+ " is not stored (ONSITE ATLAS sends its built-in default): save the template in ONSITE ATLAS "
					+ "and import again, or keep this switch on"));
		}
		NotificationTrigger.Schedule schedule = null;
		String triggerType = "event";
		if (email.equivalent() == AutomaticEmail.Equivalent.SCHEDULED) {
			triggerType = "scheduled";
			Optional<String> problem = conference.map(this::reminderProblem)
				.orElse(Optional.of("the conference is not known here yet (its event-created, e.g. from bin/atlas "
						+ "import, has not arrived): import again once it has"));
			if (problem.isPresent()) {
				return Mono.just(noTrigger(email, sends, "No reminder trigger: " + problem.get()));
			}
			LocalDate day = conference.get().startDate().atZone(conference.get().zone()).toLocalDate().minusDays(1);
			schedule = new NotificationTrigger.Schedule("one-time", day.toString(), REMINDER_TIME.toString(), null);
		}
		Instant now = this.clock.instant();
		NotificationTrigger trigger = new NotificationTrigger(id("trigger", eventId, email.key()), eventId,
				LABELS.get(email.templateKey()) + " (ONSITE ATLAS " + email.key() + ")",
				"Stands for ONSITE ATLAS's " + email.setting() + "; imported inactive", triggerType, email.eventType(),
				schedule, List.of(), List.of(new NotificationTrigger.TemplateRef("email", template.get().templateId())),
				false, userId, now, now, null, null);
		String note = (schedule != null) ? "Sends on " + schedule.date() + " at " + schedule.time()
				+ " conference time to every active registration" : null;
		String eventType = email.eventType();
		String type = triggerType;
		return this.triggers.store(trigger)
			.map((storedTrigger) -> new ImportedSwitch(email.key(), email.setting(), sends, email.templateKey(),
					storedTrigger.id(), type, eventType, note));
	}

	private Optional<String> reminderProblem(ConferenceView conference) {
		if (conference.startDate() == null) {
			return Optional.of("the conference has no start date here");
		}
		ZoneId zone = conference.zone();
		LocalDate day = conference.startDate().atZone(zone).toLocalDate().minusDays(1);
		if (!day.atTime(REMINDER_TIME).atZone(zone).toInstant().isAfter(this.clock.instant())) {
			return Optional.of("the day before the conference (" + day + ") has passed");
		}
		return Optional.empty();
	}

	private static ImportedSwitch noTrigger(AutomaticEmail email, boolean sends, String note) {
		return new ImportedSwitch(email.key(), email.setting(), sends, email.templateKey(), null, null, null, note);
	}

	/**
	 * The id of an imported template or trigger: the same for the same event and legacy
	 * key, so a second import finds what the first stored.
	 * @param kind template or trigger
	 * @param eventId the conference
	 * @param key the legacy key
	 * @return 24 hex digits
	 */
	static String id(String kind, String eventId, String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("onsite-atlas-legacy-email:" + kind + ":" + eventId + ":" + key)
					.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The result of an import.
	 *
	 * @param cutover what it found and made
	 * @param templatesCreated templates new with this import
	 * @param templatesUpdated templates that existed and were updated
	 */
	record Imported(LegacyCutover cutover, int templatesCreated, int templatesUpdated) {
	}

	private record TemplateResult(ImportedTemplate imported, boolean created) {
	}

}

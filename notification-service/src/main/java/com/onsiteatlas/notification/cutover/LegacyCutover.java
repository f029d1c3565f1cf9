package com.onsiteatlas.notification.cutover;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the last import of a conference's ONSITE ATLAS e-mails found and made, and when
 * the cutover was activated. One per conference ({@code _id} = event id); the templates
 * and triggers themselves live with the others, under ids derived from the event and the
 * legacy key.
 *
 * @param id the conference
 * @param emailEnabled ONSITE ATLAS's {@code emailSettings.enabled} at the last import
 * @param templates the imported templates
 * @param switches every automatic e-mail switch and what stands for it here
 * @param importedBy the user of the last import
 * @param importedAt when
 * @param activatedBy the user who activated the cutover, null before
 * @param activatedAt when, null before
 */
@Document(LegacyCutover.COLLECTION)
record LegacyCutover(@Id @JsonProperty("eventId") String id, boolean emailEnabled, List<ImportedTemplate> templates,
		List<ImportedSwitch> switches, String importedBy, Instant importedAt, String activatedBy, Instant activatedAt) {

	static final String COLLECTION = "notification_legacy_cutovers";

	LegacyCutover {
		templates = (templates != null) ? List.copyOf(templates) : List.of();
		switches = (switches != null) ? List.copyOf(switches) : List.of();
	}

	LegacyCutover activated(String userId, Instant at) {
		return new LegacyCutover(this.id, this.emailEnabled, this.templates, this.switches, this.importedBy,
				this.importedAt, (this.activatedBy != null) ? this.activatedBy : userId,
				(this.activatedAt != null) ? this.activatedAt : at);
	}

	/**
	 * One imported template.
	 *
	 * @param key the {@code emailSettings.templates} key
	 * @param templateId our template
	 * @param name its name
	 * @param variables our variables it uses
	 * @param unknownVariables ONSITE ATLAS placeholders with no equivalent here (kept in
	 * the text, empty when sent)
	 * @param note why it has no trigger, or null
	 */
	record ImportedTemplate(String key, String templateId, String name, List<String> variables,
			List<String> unknownVariables, String note) {

		ImportedTemplate {
			variables = (variables != null) ? List.copyOf(variables) : List.of();
			unknownVariables = (unknownVariables != null) ? List.copyOf(unknownVariables) : List.of();
		}

	}

	/**
	 * One {@code automaticEmails} switch.
	 *
	 * @param key the switch, e.g. {@code registrationConfirmation}
	 * @param setting its path in the Event document
	 * @param legacySends whether ONSITE ATLAS sends it at the last import
	 * ({@code enabled} and the switch on)
	 * @param templateKey the template it sends
	 * @param triggerId the trigger that stands for it here, null when none could be made
	 * @param triggerType event or scheduled
	 * @param eventType the event trigger's type
	 * @param note why there is no trigger, or what it does differently
	 */
	record ImportedSwitch(String key, String setting, boolean legacySends, String templateKey, String triggerId,
			String triggerType, String eventType, String note) {
	}

}

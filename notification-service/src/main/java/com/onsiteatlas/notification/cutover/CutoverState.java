package com.onsiteatlas.notification.cutover;

import java.time.Instant;
import java.util.List;

import com.onsiteatlas.notification.cutover.LegacyCutover.ImportedTemplate;

/**
 * The cutover of one conference as an operator reads it: what was imported, where each
 * switch is, and the ONSITE ATLAS settings to change now.
 *
 * @param eventId the conference
 * @param emailEnabled ONSITE ATLAS's {@code emailSettings.enabled} at the last import
 * @param importedAt the last import
 * @param activatedAt when the cutover was activated, null before
 * @param templates the imported templates
 * @param switches every switch
 * @param turnOff the ONSITE ATLAS settings to set now, e.g.
 * {@code emailSettings.automaticEmails.registrationConfirmation = false}: switches whose
 * trigger here is active while ONSITE ATLAS still sent at the last import
 * @param keepOn the switches ONSITE ATLAS sends that nothing here stands for (leave them
 * on)
 */
record CutoverState(String eventId, boolean emailEnabled, Instant importedAt, Instant activatedAt,
		List<ImportedTemplate> templates, List<Switch> switches, List<String> turnOff, List<KeepOn> keepOn) {

	/**
	 * One switch.
	 *
	 * @param key the switch
	 * @param setting its path in the Event document
	 * @param legacySends whether ONSITE ATLAS sent it at the last import
	 * @param templateKey the template it sends
	 * @param triggerId our trigger, null when none
	 * @param triggerType event or scheduled
	 * @param eventType the event trigger's type
	 * @param status inactive, active or no-trigger
	 * @param note why there is no trigger, or what ours does
	 */
	record Switch(String key, String setting, boolean legacySends, String templateKey, String triggerId,
			String triggerType, String eventType, SwitchStatus status, String note) {
	}

	/**
	 * A switch to leave on in ONSITE ATLAS.
	 *
	 * @param setting the path
	 * @param reason why
	 */
	record KeepOn(String setting, String reason) {
	}

}

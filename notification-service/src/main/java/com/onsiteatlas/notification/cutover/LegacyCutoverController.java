package com.onsiteatlas.notification.cutover;

import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.security.OrganisersOnly;
import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiResponse;

/**
 * The cutover from ONSITE ATLAS's e-mails: import its {@code emailSettings}, read the
 * state, activate. docs/notification.md "Cutover from ONSITE ATLAS emails".
 */
@RestController
@RequestMapping("/api/events/{eventId}/notification/legacy-cutover")
class LegacyCutoverController {

	private final LegacyCutoverService cutovers;

	LegacyCutoverController(LegacyCutoverService cutovers) {
		this.cutovers = cutovers;
	}

	@GetMapping
	@StaffOnly
	Mono<ApiResponse<CutoverState>> state(@PathVariable String eventId) {
		return this.cutovers.state(eventId).map((state) -> ApiResponse.ok(message(state), state));
	}

	@PostMapping("/import")
	@OrganisersOnly
	Mono<ApiResponse<LegacyCutoverService.ImportResult>> importSettings(@PathVariable String eventId,
			@RequestBody(required = false) JsonNode body, @AuthenticationPrincipal AtlasPrincipal principal) {
		LegacyEmailSettings settings = LegacyEmailSettings.parse(body);
		return this.cutovers.importSettings(eventId, settings, principal.userId())
			.map((result) -> ApiResponse.ok(importMessage(result), result));
	}

	@PostMapping("/activate")
	@OrganisersOnly
	Mono<ApiResponse<LegacyCutoverService.Activation>> activate(@PathVariable String eventId,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.cutovers.activate(eventId, principal.userId())
			.map((activation) -> ApiResponse.ok(
					"Activated " + activation.activated().size() + " trigger(s). " + message(activation.state()),
					activation));
	}

	private static String importMessage(LegacyCutoverService.ImportResult result) {
		CutoverState state = result.state();
		long waiting = state.switches().stream().filter((item) -> item.status() == SwitchStatus.INACTIVE).count();
		String unknown = state.templates()
			.stream()
			.filter((template) -> !template.unknownVariables().isEmpty())
			.map((template) -> "templates." + template.key() + " "
					+ template.unknownVariables()
						.stream()
						.map((name) -> "{{" + name + "}}")
						.collect(Collectors.joining(", ")))
			.collect(Collectors.joining("; "));
		return "Imported " + state.templates().size() + " template(s) (" + result.templatesCreated() + " new, "
				+ result.templatesUpdated() + " updated); " + waiting + " trigger(s) wait inactive"
				+ (unknown.isEmpty() ? "" : "; placeholders with no equivalent here (sent empty): " + unknown);
	}

	private static String message(CutoverState state) {
		if (!state.turnOff().isEmpty()) {
			return "Now set in ONSITE ATLAS: " + String.join(", ", state.turnOff());
		}
		return "Nothing to turn off in ONSITE ATLAS";
	}

}

package com.onsiteatlas.notification.trigger;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import com.onsiteatlas.notification.delivery.RecipientFilter;

/**
 * Body of a manual trigger: explicit registrations or a filter (all active registrations
 * when neither is given).
 *
 * @param registrationIds registration {@code _id}s
 * @param filter registration filter
 * @param data extra template variables
 */
record ManualTriggerRequest(List<@NotBlank String> registrationIds, @Valid RecipientFilter filter,
		Map<String, Object> data) {
}

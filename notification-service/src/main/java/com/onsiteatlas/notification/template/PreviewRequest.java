package com.onsiteatlas.notification.template;

import java.util.Map;

import jakarta.validation.constraints.Size;

/**
 * Body of a preview: sample data, or a real registration from the projection, optionally
 * overridden by explicit values.
 *
 * @param eventType whose sample variables to use
 * @param registrationId a registration {@code _id} or human id ({@code REG-0001})
 * @param data explicit variable values
 */
record PreviewRequest(@Size(max = 64) String eventType, @Size(max = 64) String registrationId,
		Map<String, Object> data) {
}

package com.onsiteatlas.reporting.schedule;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.delivery.CloudDelivery;
import com.onsiteatlas.support.destination.DestinationRefusedException;
import com.onsiteatlas.support.web.ApiError;
import com.onsiteatlas.support.web.ApiException;

/**
 * Where a schedule may send its stored secrets: an S3 endpoint must be allowed by the
 * destination policy (checked by {@link CloudDelivery#checkS3AtSave}), and a secret sent
 * back masked is kept only while its destination is unchanged (the same provider and, for
 * S3, the same endpoint and bucket), so that nobody who can edit a schedule carries a
 * stored key or token to a server of their choosing.
 */
@Component
class ScheduleDestinations {

	private final CloudDelivery cloud;

	ScheduleDestinations(CloudDelivery cloud) {
		this.cloud = cloud;
	}

	/**
	 * Checks the cloud target of a create or update request.
	 * @param delivery the requested delivery
	 * @param stored the stored delivery of the schedule being updated, may be null
	 * @throws ApiException 400 naming the field
	 */
	void check(ReportSchedule.Delivery delivery, ReportSchedule.Delivery stored) {
		if (delivery == null || delivery.cloudStorage() == null || delivery.cloudStorage().config() == null) {
			return;
		}
		ReportSchedule.CloudStorage given = delivery.cloudStorage();
		if ("s3".equals(given.provider())) {
			try {
				this.cloud.checkS3AtSave(given.config());
			}
			catch (DestinationRefusedException ex) {
				throw refused(ex.field(), ex.getMessage());
			}
		}
		ReportSchedule.CloudStorage previous = (stored != null) ? stored.cloudStorage() : null;
		if (previous == null || previous.config() == null || sameDestination(given, previous)) {
			return;
		}
		for (String key : ScheduleSecrets.SECRET_KEYS) {
			Object value = given.config().get(key);
			if (value != null && value.toString().startsWith(ScheduleSecrets.MASK)) {
				String field = "delivery.cloudStorage.config." + key;
				throw refused(field, "The cloud storage provider, endpoint or bucket changed: send " + field
						+ " again (a stored secret is kept only for the destination it was given for)");
			}
		}
	}

	private static boolean sameDestination(ReportSchedule.CloudStorage given, ReportSchedule.CloudStorage previous) {
		return Objects.equals(given.provider(), previous.provider())
				&& Objects.equals(endpoint(given.config()), endpoint(previous.config()))
				&& Objects.equals(text(given.config(), "bucket"), text(previous.config(), "bucket"));
	}

	private static String endpoint(Map<String, Object> config) {
		String endpoint = text(config, "endpoint");
		return (endpoint != null) ? endpoint.replaceAll("/+$", "") : null;
	}

	private static String text(Map<String, Object> config, String key) {
		Object value = config.get(key);
		return (value != null && !value.toString().isBlank()) ? value.toString().trim() : null;
	}

	private static ApiException refused(String field, String message) {
		return ApiException.badRequest(message, List.of(new ApiError.FieldError(field, message)));
	}

}

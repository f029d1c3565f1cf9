package com.onsiteatlas.lodging.booking;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A status change.
 *
 * @param status the new status
 * @param reason why, for cancellations
 */
record StatusRequest(@NotBlank String status, @Size(max = 500) String reason) {
}

package com.onsiteatlas.reporting.rows;

import java.time.Instant;

/**
 * Bounds on a data type's date field; either may be open.
 *
 * @param from inclusive lower bound
 * @param to inclusive upper bound
 */
public record DateRange(Instant from, Instant to) {
}

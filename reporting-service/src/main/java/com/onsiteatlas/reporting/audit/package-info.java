/**
 * The reporting audit trail: what is audited ({@link ReportingAuditAction}) and the
 * admin's {@code GET /api/events/{eventId}/reporting-audit}. Writing and reading the
 * entries is service-support's {@code audit} package.
 */
package com.onsiteatlas.reporting.audit;

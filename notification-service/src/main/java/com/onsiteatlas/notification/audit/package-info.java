/**
 * The notification audit trail: what is audited ({@link NotificationAuditAction}) and the
 * admin's {@code GET /api/events/{eventId}/notification-audit}. Writing and reading the
 * entries is service-support's {@code audit} package.
 */
package com.onsiteatlas.notification.audit;

package com.onsiteatlas.reporting.favorite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of marking a favourite.
 *
 * @param kind exportConfig, template or builder
 * @param targetId export config id or template id (not for builder)
 * @param eventId the event, optional (a user bound to an event gets theirs)
 * @param name display name (required for builder; defaults to the config's or template's
 * name)
 * @param definition the ReportBuilder request body (builder only)
 */
record FavoriteRequest(String kind, String targetId, String eventId, String name, JsonNode definition) {
}

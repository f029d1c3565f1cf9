package com.onsiteatlas.reporting.favorite;

/**
 * The filters of one favourite search.
 *
 * @param userId whose favourites
 * @param eventId favourites of this event or of none; null for any
 * @param kind only this kind, null for any
 */
record FavoriteSearch(String userId, String eventId, String kind) {
}

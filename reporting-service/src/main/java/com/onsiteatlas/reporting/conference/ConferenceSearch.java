package com.onsiteatlas.reporting.conference;

/**
 * The filters of one conference search.
 *
 * @param boundEventId only this conference (the caller's token is bound to it), null for
 * any
 * @param text text in the name (any case), may be null or blank
 */
record ConferenceSearch(String boundEventId, String text) {
}

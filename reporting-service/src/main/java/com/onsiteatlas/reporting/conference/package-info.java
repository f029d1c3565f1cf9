/**
 * Conferences: the list and the details of the conferences this service heard of
 * (event-created/updated), for the organiser console's picker and pages.
 */
package com.onsiteatlas.reporting.conference;

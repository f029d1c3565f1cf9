/**
 * Date parsing and night arithmetic shared by the lodging and travel features.
 */
package com.onsiteatlas.lodging.calendar;

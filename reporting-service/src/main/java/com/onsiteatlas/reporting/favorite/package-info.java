/**
 * Favourites: the export configs, ready-made report templates and saved report builder
 * definitions a user marks to find again, per user and event.
 */
package com.onsiteatlas.reporting.favorite;

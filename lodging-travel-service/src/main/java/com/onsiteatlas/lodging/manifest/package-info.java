/**
 * The transfer manifest: arrivals and departures needing a transfer, grouped by day,
 * airport, terminal and time window.
 */
package com.onsiteatlas.lodging.manifest;

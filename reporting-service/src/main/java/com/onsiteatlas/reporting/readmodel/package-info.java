/**
 * The reporting read model: one flat row per registration, abstract, workshop sign-up,
 * payment, scan, sponsor, hotel booking, travel record and notification, built from the
 * domain events with idempotent upserts.
 */
package com.onsiteatlas.reporting.readmodel;

/**
 * Scheduled reports: schedules CRUD, occurrence computation in the schedule's time zone,
 * once-only runs across replicas, and delivery of the produced file.
 */
package com.onsiteatlas.reporting.schedule;

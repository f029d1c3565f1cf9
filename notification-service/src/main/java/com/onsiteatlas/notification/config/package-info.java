/**
 * Plumbing of the service: its properties, secret encryption and shared beans; never
 * imports a feature.
 */
package com.onsiteatlas.notification.config;

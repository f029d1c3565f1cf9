/**
 * The template feature of notification-service.
 */
package com.onsiteatlas.notification.template;

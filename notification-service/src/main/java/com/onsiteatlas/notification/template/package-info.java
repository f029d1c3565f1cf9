/**
 * Notification templates: their storage, the Handlebars rendering that treats them as
 * data, the variable catalog and previews.
 */
package com.onsiteatlas.notification.template;

/**
 * The delivery channels (SMTP e-mail, Twilio SMS, WhatsApp Cloud API and Twilio WhatsApp)
 * behind one small {@link com.onsiteatlas.notification.channel.Channel} abstraction.
 */
package com.onsiteatlas.notification.channel;

import type { EventDoc } from '../documents';
import type { AtlasMessage } from '../envelope';
import { compact, conferenceRef, idOf, plain } from '../snapshots';
import { make, present, type HelperOptions } from './common';

function conferenceSnapshot(eventDoc: EventDoc, type: string): Record<string, unknown> {
  const event = plain(eventDoc);
  const email = event.emailSettings ? plain(event.emailSettings) : undefined;
  return compact({
    ...conferenceRef(event, type),
    status: event.status,
    currency: event.pricingSettings?.currency,
    // Only the sender identity: never the SMTP settings (emailSettings.smtpPassword is stored in plain text).
    sender: email
      ? compact({ enabled: email.enabled, senderName: email.senderName, senderEmail: email.senderEmail, replyToEmail: email.replyToEmail })
      : undefined,
  });
}

/** `event-created`: a conference was created. */
export function eventCreated(event: EventDoc, options: HelperOptions = {}): AtlasMessage {
  present('event-created', { event });
  return make('event-created', event, { event: conferenceSnapshot(event, 'event-created') }, options);
}

/** `event-updated`: a conference's details changed. */
export function eventUpdated(event: EventDoc, options: HelperOptions = {}): AtlasMessage {
  present('event-updated', { event });
  return make('event-updated', event, { event: conferenceSnapshot(event, 'event-updated') }, options);
}

/** `event-deleted`: a conference was deleted. */
export function eventDeleted(event: EventDoc, options: HelperOptions = {}): AtlasMessage {
  present('event-deleted', { event });
  const e = plain(event);
  return make('event-deleted', event, { eventId: idOf(e._id), name: e.name }, options);
}


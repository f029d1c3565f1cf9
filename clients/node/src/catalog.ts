/**
 * The event types, their topics and producing sources, as in docs/events.md (checked against docs/asyncapi.yaml,
 * which shared-events generates from its EventCatalog, by catalog.test.ts).
 */
export const Topics = {
  EVENTS: 'atlas.events',
  REGISTRATIONS: 'atlas.registrations',
  PAYMENTS: 'atlas.payments',
  ABSTRACTS: 'atlas.abstracts',
  RESOURCES: 'atlas.resources',
  SPONSORS: 'atlas.sponsors',
  HOTEL_BOOKINGS: 'atlas.hotel-bookings',
  TRAVEL: 'atlas.travel',
  NOTIFICATIONS: 'atlas.notifications',
  EXPORTS: 'atlas.exports',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** The types ONSITE ATLAS produces, each with a typed helper in this library. */
export const ATLAS_EVENT_TYPES = [
  'event-created',
  'event-updated',
  'event-deleted',
  'registration-created',
  'registration-updated',
  'registration-cancelled',
  'workshop-registered',
  'check-in-completed',
  'payment-received',
  'payment-refunded',
  'abstract-submitted',
  'abstract-status-changed',
  'resource-used',
  'sponsor-created',
  'sponsor-updated',
] as const;

export type AtlasEventType = (typeof ATLAS_EVENT_TYPES)[number];

interface TypeEntry {
  topic: Topic;
  /** The `source` attribute ONSITE ATLAS uses for the type. */
  source?: string;
  /** Reads the aggregate id (subject = Kafka key) from a payload. */
  aggregateId?: (data: Record<string, any>) => unknown;
}

const registrationId = (data: Record<string, any>) => data.registration?._id;

const TYPES: Record<string, TypeEntry> = {
  'event-created': { topic: Topics.EVENTS, source: '/onsite-atlas/events', aggregateId: (d) => d.event?._id },
  'event-updated': { topic: Topics.EVENTS, source: '/onsite-atlas/events', aggregateId: (d) => d.event?._id },
  'event-deleted': { topic: Topics.EVENTS, source: '/onsite-atlas/events', aggregateId: (d) => d.eventId },
  'registration-created': { topic: Topics.REGISTRATIONS, source: '/onsite-atlas/registrations', aggregateId: registrationId },
  'registration-updated': { topic: Topics.REGISTRATIONS, source: '/onsite-atlas/registrations', aggregateId: registrationId },
  'registration-cancelled': { topic: Topics.REGISTRATIONS, source: '/onsite-atlas/registrations', aggregateId: registrationId },
  'workshop-registered': { topic: Topics.REGISTRATIONS, source: '/onsite-atlas/registrations', aggregateId: registrationId },
  'check-in-completed': { topic: Topics.REGISTRATIONS, source: '/onsite-atlas/registrations', aggregateId: registrationId },
  'payment-received': { topic: Topics.PAYMENTS, source: '/onsite-atlas/payments', aggregateId: registrationId },
  'payment-refunded': { topic: Topics.PAYMENTS, source: '/onsite-atlas/payments', aggregateId: registrationId },
  'abstract-submitted': { topic: Topics.ABSTRACTS, source: '/onsite-atlas/abstracts', aggregateId: (d) => d.abstract?._id },
  'abstract-status-changed': { topic: Topics.ABSTRACTS, source: '/onsite-atlas/abstracts', aggregateId: (d) => d.abstract?._id },
  'resource-used': { topic: Topics.RESOURCES, source: '/onsite-atlas/resources', aggregateId: registrationId },
  'sponsor-created': { topic: Topics.SPONSORS, source: '/onsite-atlas/sponsors', aggregateId: (d) => d.sponsor?._id },
  'sponsor-updated': { topic: Topics.SPONSORS, source: '/onsite-atlas/sponsors', aggregateId: (d) => d.sponsor?._id },
  // Produced by the Java services; here so that the generic builder and the validator know their topics.
  'hotel-booking-created': { topic: Topics.HOTEL_BOOKINGS },
  'hotel-booking-updated': { topic: Topics.HOTEL_BOOKINGS },
  'hotel-booking-status-changed': { topic: Topics.HOTEL_BOOKINGS },
  'hotel-booking-cancelled': { topic: Topics.HOTEL_BOOKINGS },
  'travel-info-created': { topic: Topics.TRAVEL },
  'travel-info-updated': { topic: Topics.TRAVEL },
  'travel-document-uploaded': { topic: Topics.TRAVEL },
  'travel-document-deleted': { topic: Topics.TRAVEL },
  'notification-sent': { topic: Topics.NOTIFICATIONS },
  'notification-failed': { topic: Topics.NOTIFICATIONS },
  'export-completed': { topic: Topics.EXPORTS },
  'export-failed': { topic: Topics.EXPORTS },
};

export function knownTypes(): string[] {
  return Object.keys(TYPES);
}

export function typeEntry(type: string): TypeEntry {
  const entry = TYPES[type];
  if (!entry) {
    throw new Error(`Unknown event type '${type}'; known: ${knownTypes().join(', ')}`);
  }
  return entry;
}

export function topicOf(type: string): Topic {
  return typeEntry(type).topic;
}

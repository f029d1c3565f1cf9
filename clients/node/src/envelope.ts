import { randomUUID } from 'node:crypto';
import { typeEntry, topicOf, type Topic } from './catalog';
import { InvalidEventError } from './errors';

/** The CloudEvents 1.0 structured-mode envelope of docs/events.md. */
export interface EventEnvelope<T = Record<string, unknown>> {
  specversion: '1.0';
  id: string;
  type: string;
  source: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  dataversion: number;
  correlationid?: string;
  eventid?: string;
  data: T;
}

/** A validated envelope with where it goes: `topic`, `key` (= `envelope.subject`, the aggregate id) and the record headers. */
export interface AtlasMessage<T = Record<string, unknown>> {
  topic: Topic;
  key: string;
  headers: Record<string, string>;
  envelope: EventEnvelope<T>;
}

/** Envelope attributes a caller may set; everything else comes from the type and the payload. */
export interface EnvelopeOptions {
  /** Envelope id; default a random UUID. Pass a deterministic id to make a re-publication of the same fact a duplicate consumers skip. */
  id?: string;
  /** When the fact happened; default now. Written with milliseconds, as `Date.toISOString()`. */
  time?: Date | string;
  /** The producing system; default the type's ONSITE ATLAS source (`/onsite-atlas/registrations`, ...). */
  source?: string;
  /** The aggregate id (Kafka key); default read from the payload (`registration._id`, `abstract._id`, ...). */
  subject?: string;
  /** The conference `_id`; the typed helpers set it from the event document. */
  eventId?: string;
  /** The request's correlation id (for example its `x-correlation-id` header). */
  correlationId?: string;
  /** Payload version; default 1. */
  dataVersion?: number;
}

export function isoMillis(value: Date | string, field = 'time'): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InvalidEventError('(envelope)', [{ field, message: `is not a date: ${String(value)}` }]);
  }
  return date.toISOString();
}

/**
 * Builds the envelope and message of one event. Does not validate: `atlasEvent` and the typed helpers
 * validate what this returns.
 */
export function buildMessage<T extends Record<string, unknown>>(type: string, data: T, options: EnvelopeOptions = {}): AtlasMessage<T> {
  const entry = typeEntry(type);
  const source = options.source ?? entry.source;
  if (!source) {
    throw new InvalidEventError(type, [{ field: 'envelope.source', message: 'is required for a type ONSITE ATLAS does not produce' }]);
  }
  const aggregateId = options.subject ?? entry.aggregateId?.(data);
  if (aggregateId === undefined || aggregateId === null || aggregateId === '') {
    throw new InvalidEventError(type, [{ field: 'envelope.subject', message: 'is required (the aggregate id, also the Kafka key)' }]);
  }
  const envelope: EventEnvelope<T> = {
    specversion: '1.0',
    id: options.id ?? randomUUID(),
    type,
    source,
    time: isoMillis(options.time ?? new Date()),
    subject: String(aggregateId),
    datacontenttype: 'application/json',
    dataversion: options.dataVersion ?? 1,
    ...(options.correlationId ? { correlationid: options.correlationId } : {}),
    ...(options.eventId ? { eventid: options.eventId } : {}),
    data,
  };
  return { topic: topicOf(type), key: envelope.subject, headers: headersOf(envelope), envelope };
}

/** The record headers of docs/events.md: the content type, and copies of `type` and `id`. */
export function headersOf(envelope: EventEnvelope<unknown>): Record<string, string> {
  return { 'content-type': 'application/cloudevents+json', ce_type: envelope.type, ce_id: envelope.id };
}

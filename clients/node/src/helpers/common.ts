import type { CategoryDoc, EventDoc, RegistrationDoc } from '../documents';
import { buildMessage, type AtlasMessage, type EnvelopeOptions } from '../envelope';
import { InvalidEventError } from '../errors';
import { compact, conferenceRef, dateOf, idOf, plain, registrationSnapshot } from '../snapshots';
import { SchemaValidator } from '../validator';

/**
 * What every typed helper shares: its options, validation, and the step that adds `occurredAt`, the actor and the
 * conference time zone to a payload and wraps it in a validated envelope.
 */

/** Options every helper takes: envelope attributes, who did it, and when. */
export interface HelperOptions extends Omit<EnvelopeOptions, 'subject' | 'eventId' | 'dataVersion'> {
  /** The user who caused the change (`req.user._id`). */
  actorUserId?: unknown;
  /** When the fact happened; default `time`, else now. Also the envelope's `time`. */
  occurredAt?: Date | string;
  /** The validator; default one reading the schemas this package ships. */
  validator?: SchemaValidator;
  /**
   * The conference's IANA time zone (`Asia/Kolkata`), which ONSITE ATLAS's Event model does not store; consumers
   * render dates in it (absent means UTC). Default: `event.timezone`, else the `ATLAS_EVENT_TIMEZONE` environment
   * variable, else absent.
   */
  timezone?: string;
}

let sharedValidator: SchemaValidator | undefined;

export function defaultValidator(): SchemaValidator {
  sharedValidator ??= new SchemaValidator();
  return sharedValidator;
}

/**
 * Builds and validates one event of any catalog type from a ready payload: the envelope as docs/events.md says,
 * the payload checked against its shared-events schema. Throws {@link InvalidEventError} naming the bad fields.
 */
export function atlasEvent<T extends Record<string, unknown>>(
  type: string,
  data: T,
  options: EnvelopeOptions & { validator?: SchemaValidator } = {},
): AtlasMessage<T> {
  const { validator = defaultValidator(), ...envelopeOptions } = options;
  const message = buildMessage(type, data, envelopeOptions);
  validator.validateEnvelope(message.envelope as unknown as Record<string, unknown>);
  return message;
}

/** Throws when a document the helper needs is null or undefined (a `findById` that found nothing), naming it. */
export function present(type: string, documents: Record<string, unknown>): void {
  const missing = Object.entries(documents).filter(([, doc]) => doc === null || doc === undefined);
  if (missing.length > 0) {
    throw new InvalidEventError(type, missing.map(([name]) => ({ field: name, message: `is required (the ${name} document)` })));
  }
}

export function make(type: string, event: EventDoc, data: Record<string, unknown>, options: HelperOptions): AtlasMessage {
  const { actorUserId, occurredAt, validator = defaultValidator(), timezone, ...envelope } = options;
  const when = dateOf(occurredAt ?? envelope.time ?? new Date(), type, 'occurredAt') as string;
  // Some payloads name the actor otherwise (checkedInBy, actionBy) or not at all (payments).
  const actor = actorUserId !== undefined && validator.declares(type, 1, 'actorUserId') ? idOf(actorUserId as string) : undefined;
  const payload: Record<string, unknown> = compact({ ...data, occurredAt: when, actorUserId: actor });
  const zone = timezone ?? process.env.ATLAS_EVENT_TIMEZONE;
  const conference = payload.event as Record<string, unknown> | undefined;
  if (zone && conference && typeof conference === 'object' && conference.timezone === undefined) {
    payload.event = { ...conference, timezone: zone };
  }
  return atlasEvent(type, payload, { ...envelope, time: when, eventId: idOf(plain(event)?._id), validator });
}

export interface RegistrationOptions extends HelperOptions {
  /** The registration's category when `registration.category` is not populated. */
  category?: CategoryDoc;
}

export function registrationData(type: string, reg: RegistrationDoc, event: EventDoc, options: RegistrationOptions): Record<string, unknown> {
  return { event: conferenceRef(event, type), registration: registrationSnapshot(reg, type, options.category) };
}

export function withoutCategory<T extends RegistrationOptions>(options: T): Omit<T, 'category'> {
  const { category: _category, ...rest } = options;
  return rest;
}


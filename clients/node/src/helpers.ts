import type { AbstractDoc, CategoryDoc, EventDoc, PaymentDoc, PersonalInfoDoc, RegistrationDoc, ResourceDoc, SponsorDoc, WorkshopDoc } from './documents';
import { buildMessage, type AtlasMessage, type EnvelopeOptions } from './envelope';
import { InvalidEventError } from './errors';
import {
  abstractSnapshot,
  abstractStatusOf,
  compact,
  conferenceRef,
  dateOf,
  idOf,
  isPopulated,
  personalInfoOf,
  plain,
  registrationSnapshot,
} from './snapshots';
import { SchemaValidator } from './validator';

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
function present(type: string, documents: Record<string, unknown>): void {
  const missing = Object.entries(documents).filter(([, doc]) => doc === null || doc === undefined);
  if (missing.length > 0) {
    throw new InvalidEventError(type, missing.map(([name]) => ({ field: name, message: `is required (the ${name} document)` })));
  }
}

function make(type: string, event: EventDoc, data: Record<string, unknown>, options: HelperOptions): AtlasMessage {
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

export interface RegistrationOptions extends HelperOptions {
  /** The registration's category when `registration.category` is not populated. */
  category?: CategoryDoc;
}

function registrationData(type: string, reg: RegistrationDoc, event: EventDoc, options: RegistrationOptions): Record<string, unknown> {
  return { event: conferenceRef(event, type), registration: registrationSnapshot(reg, type, options.category) };
}

function withoutCategory<T extends RegistrationOptions>(options: T): Omit<T, 'category'> {
  const { category: _category, ...rest } = options;
  return rest;
}

/** `registration-created`: a person registered. */
export function registrationCreated(reg: RegistrationDoc, event: EventDoc, options: RegistrationOptions = {}): AtlasMessage {
  present('registration-created', { registration: reg, event });
  return make('registration-created', event, registrationData('registration-created', reg, event, options), withoutCategory(options));
}

/** `registration-updated`: a registration changed; `changedFields` defaults to mongoose's `modifiedPaths()` when there are any. */
export function registrationUpdated(
  reg: RegistrationDoc,
  event: EventDoc,
  options: RegistrationOptions & { changedFields?: string[] } = {},
): AtlasMessage {
  present('registration-updated', { registration: reg, event });
  const { changedFields, ...rest } = options;
  const modified = (reg as { modifiedPaths?: () => string[] }).modifiedPaths?.();
  const fields = changedFields ?? (modified && modified.length > 0 ? modified : undefined);
  return make(
    'registration-updated',
    event,
    { ...registrationData('registration-updated', reg, event, rest), changedFields: fields },
    withoutCategory(rest),
  );
}

/** `registration-cancelled`: a registration was cancelled. */
export function registrationCancelled(
  reg: RegistrationDoc,
  event: EventDoc,
  options: RegistrationOptions & { reason?: string } = {},
): AtlasMessage {
  present('registration-cancelled', { registration: reg, event });
  const { reason, ...rest } = options;
  return make(
    'registration-cancelled',
    event,
    { ...registrationData('registration-cancelled', reg, event, rest), reason },
    withoutCategory(rest),
  );
}

/**
 * `workshop-registered`: a registrant took a seat in a workshop, from the `Workshop` collection (`title`, `price` in
 * major units) or an embedded `Event.workshops[]` entry (`name`, `priceCents`).
 */
export function workshopRegistered(
  reg: RegistrationDoc,
  workshop: WorkshopDoc,
  event: EventDoc,
  options: RegistrationOptions = {},
): AtlasMessage {
  const type = 'workshop-registered';
  present(type, { registration: reg, workshop, event });
  const w = plain(workshop);
  if (!w) {
    throw new InvalidEventError(type, [{ field: 'workshop', message: 'is required (the workshop document)' }]);
  }
  const venue = typeof w.venue === 'object' && w.venue !== null ? w.venue.name : w.venue;
  const priceCents = w.priceCents ?? (typeof w.price === 'number' ? Math.round(w.price * 100) : undefined);
  const ws = compact({
    workshopId: idOf(w._id),
    title: w.title ?? w.name,
    startDateTime: dateOf(w.startDateTime, type, 'workshop.startDateTime'),
    endDateTime: dateOf(w.endDateTime, type, 'workshop.endDateTime'),
    venue,
    priceCents,
    currency: w.currency ?? (w.priceCents !== undefined ? plain(reg)?.currency : undefined),
  });
  return make(type, event, { ...registrationData(type, reg, event, options), workshop: ws }, withoutCategory(options));
}

/**
 * `check-in-completed`: a registrant was checked in (`registration.checkIn.checkedInAt` must be set); `checkedInBy`
 * is `checkIn.checkedInBy`, else `actorUserId`.
 */
export function checkInCompleted(reg: RegistrationDoc, event: EventDoc, options: RegistrationOptions = {}): AtlasMessage {
  const type = 'check-in-completed';
  present(type, { registration: reg, event });
  const checkIn = plain(reg)?.checkIn;
  const checkedInAt = dateOf(checkIn?.checkedInAt, type, 'registration.checkIn.checkedInAt');
  if (!checkedInAt) {
    throw new InvalidEventError(type, [{ field: 'registration.checkIn.checkedInAt', message: 'is required: the registration is not checked in' }]);
  }
  return make(
    type,
    event,
    {
      ...registrationData(type, reg, event, options),
      checkedInAt,
      checkedInBy: idOf(checkIn?.checkedInBy ?? (options.actorUserId as string | undefined)),
    },
    { occurredAt: checkedInAt, ...withoutCategory(options) },
  );
}

/** `payment-received`: a payment was captured (call it when `Payment.status` became `paid`). */
export function paymentReceived(payment: PaymentDoc, reg: RegistrationDoc, event: EventDoc, options: RegistrationOptions = {}): AtlasMessage {
  const type = 'payment-received';
  present(type, { payment, registration: reg, event });
  const p = plain(payment);
  if (!p) {
    throw new InvalidEventError(type, [{ field: 'payment', message: 'is required (the payment document)' }]);
  }
  return make(
    type,
    event,
    {
      ...registrationData(type, reg, event, options),
      paymentId: idOf(p._id),
      amountCents: p.amountCents,
      currency: p.currency ?? 'INR',
      provider: p.provider,
      providerPaymentId: p.providerPaymentId,
      method: p.method,
      invoiceUrl: p.invoiceUrl,
      capturedAt: dateOf(p.capturedAt, type, 'payment.capturedAt'),
    },
    withoutCategory(options),
  );
}

/**
 * `payment-refunded`: money went back. A full refund (`status: 'refunded'`) refunds `amountCents`; a partial one
 * (`status: 'partial-refund'`) needs `refundedCents`, which the Payment model does not keep.
 */
export function paymentRefunded(
  payment: PaymentDoc,
  reg: RegistrationDoc,
  event: EventDoc,
  options: RegistrationOptions & { refundedCents?: number; reason?: string } = {},
): AtlasMessage {
  const type = 'payment-refunded';
  present(type, { payment, registration: reg, event });
  const { refundedCents, reason, ...rest } = options;
  const p = plain(payment);
  const cents = refundedCents ?? (p.status === 'refunded' ? p.amountCents : undefined);
  if (cents === undefined) {
    throw new InvalidEventError(type, [
      { field: 'refundedCents', message: `is required for a payment with status '${p.status}' (pass option refundedCents)` },
    ]);
  }
  return make(
    type,
    event,
    {
      ...registrationData(type, reg, event, rest),
      paymentId: idOf(p._id),
      refundedCents: cents,
      currency: p.currency ?? 'INR',
      provider: p.provider,
      providerPaymentId: p.providerPaymentId,
      fullRefund: cents === p.amountCents,
      reason,
    },
    withoutCategory(rest),
  );
}

export interface AbstractOptions extends HelperOptions {
  /** The submitting registration when `abstract.registration` is not populated. */
  registration?: RegistrationDoc;
  /** The registration's category when its `category` is not populated. */
  category?: CategoryDoc;
  /** The author's details; default the registration's `personalInfo`. */
  author?: PersonalInfoDoc;
}

function abstractData(type: string, abs: AbstractDoc, event: EventDoc, options: AbstractOptions): Record<string, unknown> {
  const a = plain(abs);
  const reg = options.registration ?? (isPopulated<RegistrationDoc>(a.registration, 'registrationId') ? a.registration : undefined);
  const registration = reg ? registrationSnapshot(reg, type, options.category) : undefined;
  return {
    event: conferenceRef(event, type),
    abstract: abstractSnapshot(abs, event, type),
    registration,
    author: personalInfoOf(options.author ?? (reg ? plain(reg).personalInfo : undefined)),
  };
}

function helperOptions(options: AbstractOptions): HelperOptions {
  const { registration: _r, category: _c, author: _a, ...rest } = options;
  return rest;
}

/** `abstract-submitted`: an abstract was submitted. */
export function abstractSubmitted(abs: AbstractDoc, event: EventDoc, options: AbstractOptions = {}): AtlasMessage {
  present('abstract-submitted', { abstract: abs, event });
  return make('abstract-submitted', event, abstractData('abstract-submitted', abs, event, options), helperOptions(options));
}

/**
 * `abstract-status-changed`: an abstract's status changed from `oldStatus` to its current one (or `newStatus`). The
 * status endpoint's underscore spellings (`under_review`, `revision_requested`, `revised`) are normalised.
 */
export function abstractStatusChanged(
  abs: AbstractDoc,
  event: EventDoc,
  options: AbstractOptions & { oldStatus: string; newStatus?: string; reason?: string; revisionDeadline?: Date | string },
): AtlasMessage {
  const type = 'abstract-status-changed';
  present(type, { abstract: abs, event });
  const { oldStatus, newStatus, reason, revisionDeadline, ...rest } = options;
  return make(
    type,
    event,
    {
      ...abstractData(type, abs, event, rest),
      oldStatus: abstractStatusOf(oldStatus),
      newStatus: abstractStatusOf(newStatus ?? plain(abs).status),
      reason,
      revisionDeadline: dateOf(revisionDeadline, type, 'revisionDeadline'),
    },
    helperOptions(rest),
  );
}

/** `resource-used`: a meal, kit bag or certificate was scanned (or a scan voided); `actionBy` defaults to `actorUserId`. */
export function resourceUsed(resource: ResourceDoc, reg: RegistrationDoc, event: EventDoc, options: RegistrationOptions = {}): AtlasMessage {
  const type = 'resource-used';
  present(type, { resource, registration: reg, event });
  const r = plain(resource);
  if (!r) {
    throw new InvalidEventError(type, [{ field: 'resource', message: 'is required (the resource document)' }]);
  }
  const actionDate = dateOf(r.actionDate ?? r.createdAt, type, 'resource.actionDate');
  return make(
    type,
    event,
    {
      ...registrationData(type, reg, event, options),
      resourceId: idOf(r._id),
      resourceType: r.type,
      resourceOptionId: idOf(r.resourceOption ?? undefined),
      resourceOptionName: r.resourceOptionName,
      status: r.isVoided || r.status === 'voided' ? 'voided' : 'used',
      actionBy: idOf(r.actionBy ?? (options.actorUserId as string | undefined)),
      actionDate,
    },
    { occurredAt: actionDate, ...withoutCategory(options) },
  );
}

function sponsorSnapshot(sponsorDoc: SponsorDoc, event: EventDoc): Record<string, unknown> {
  const s = plain(sponsorDoc);
  const amount = typeof s.sponsoringAmount === 'number' ? Math.round(s.sponsoringAmount * 100) : undefined;
  return compact({
    _id: idOf(s._id ?? s.id),
    sponsorId: s.sponsorId,
    companyName: s.companyName,
    authorizedPerson: s.authorizedPerson,
    email: s.email,
    displayPhoneNumber: s.displayPhoneNumber,
    sponsoringAmountCents: amount,
    currency: amount === undefined ? undefined : (plain(event).pricingSettings?.currency ?? 'INR'),
    registrantAllotment: s.registrantAllotment,
    status: s.status,
  });
}

/** `sponsor-created`: a sponsor was added to a conference. `contactPhone` (a bcrypt hash) is never sent. */
export function sponsorCreated(sponsor: SponsorDoc, event: EventDoc, options: HelperOptions = {}): AtlasMessage {
  present('sponsor-created', { sponsor, event });
  return make('sponsor-created', event, { event: conferenceRef(event, 'sponsor-created'), sponsor: sponsorSnapshot(sponsor, event) }, options);
}

/** `sponsor-updated`: a sponsor's details changed. */
export function sponsorUpdated(sponsor: SponsorDoc, event: EventDoc, options: HelperOptions = {}): AtlasMessage {
  present('sponsor-updated', { sponsor, event });
  return make('sponsor-updated', event, { event: conferenceRef(event, 'sponsor-updated'), sponsor: sponsorSnapshot(sponsor, event) }, options);
}

import type { AbstractDoc, CategoryDoc, DateLike, EventDoc, IdLike, PersonalInfoDoc, RegistrationDoc, VenueDoc } from './documents';
import { InvalidEventError } from './errors';

/**
 * Turns mongoose documents into the denormalised snapshots the payloads carry (docs/events.md, "Payload
 * conventions"). Absent values are left out (`undefined`), which JSON.stringify drops, as the contract wants.
 */

/** The plain object of a mongoose document (`toObject()`), or the value itself when it is one already. */
export function plain<T>(doc: T): T {
  const candidate = doc as unknown as { toObject?: (options?: object) => T };
  return candidate && typeof candidate.toObject === 'function' ? candidate.toObject({ virtuals: false }) : doc;
}

/** The 24-hex string of an ObjectId, a string id, or a populated document's `_id`. */
export function idOf(value: IdLike | null | undefined): string | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (typeof value === 'string') {
    return value;
  }
  const candidate = value as { toHexString?: () => string; _id?: IdLike };
  if (typeof candidate.toHexString === 'function') {
    return candidate.toHexString();
  }
  if (candidate._id !== undefined && candidate._id !== value) {
    return idOf(candidate._id);
  }
  return String(value);
}

/** True for a populated reference (a document with fields beyond its id), false for an ObjectId or id string. */
export function isPopulated<T extends object>(value: unknown, field: keyof T): value is T {
  return typeof value === 'object' && value !== null && field in value;
}

export function dateOf(value: DateLike | null | undefined, eventType: string, field: string): string | undefined {
  if (value === null || value === undefined || value === '') {
    return undefined;
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InvalidEventError(eventType, [{ field, message: `is not a date: ${String(value)}` }]);
  }
  return date.toISOString();
}

/** Removes `undefined` and `null` properties, so the payload has exactly what JSON would carry. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

export function venueOf(venue: VenueDoc | null | undefined): Record<string, unknown> | undefined {
  if (!venue) {
    return undefined;
  }
  const v = plain(venue);
  return compact({ name: v.name, address: v.address, city: v.city, state: v.state, country: v.country, zipCode: v.zipCode });
}

/** The conference as most payloads carry it (`ConferenceRef`). */
export function conferenceRef(eventDoc: EventDoc, eventType: string): Record<string, unknown> {
  const event = plain(eventDoc);
  if (!event) {
    throw new InvalidEventError(eventType, [{ field: 'event', message: 'is required (the conference document)' }]);
  }
  return compact({
    _id: idOf(event._id),
    name: event.name,
    startDate: dateOf(event.startDate, eventType, 'event.startDate'),
    endDate: dateOf(event.endDate, eventType, 'event.endDate'),
    timezone: event.timezone,
    venue: venueOf(event.venue),
  });
}

export function personalInfoOf(info: PersonalInfoDoc | null | undefined): Record<string, unknown> | undefined {
  if (!info) {
    return undefined;
  }
  const p = plain(info);
  return compact({
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    phone: p.phone,
    organization: p.organization,
    designation: p.designation,
    country: p.country,
  });
}

/**
 * A category reference: `{ _id, name }` from a populated category or the one passed separately. An unpopulated
 * ObjectId has no name, which consumers need (reports group by it): that is an error rather than a silent gap.
 */
function categoryOf(
  category: IdLike | CategoryDoc | null | undefined,
  given: CategoryDoc | undefined,
  eventType: string,
  field: string,
): Record<string, unknown> | undefined {
  const source = given ?? category;
  if (source === null || source === undefined) {
    return undefined;
  }
  if (isPopulated<CategoryDoc>(source, 'name')) {
    const c = plain(source);
    return compact({ _id: idOf(c._id), name: c.name });
  }
  throw new InvalidEventError(eventType, [
    { field, message: "is an id without its name: populate('category') or pass the category document as option `category`" },
  ]);
}

function customFieldsOf(fields: RegistrationDoc['customFields']): Record<string, unknown> | undefined {
  if (!fields) {
    return undefined;
  }
  return fields instanceof Map ? Object.fromEntries(fields) : { ...fields };
}

/** The registration as payloads carry it (`RegistrationSnapshot`). */
export function registrationSnapshot(
  regDoc: RegistrationDoc,
  eventType: string,
  category?: CategoryDoc,
  field = 'registration',
): Record<string, unknown> {
  const reg = plain(regDoc);
  if (!reg) {
    throw new InvalidEventError(eventType, [{ field, message: 'is required (the registration document)' }]);
  }
  return compact({
    _id: idOf(reg._id),
    registrationId: reg.registrationId,
    personalInfo: personalInfoOf(reg.personalInfo),
    category: categoryOf(reg.category, category, eventType, `${field}.category`),
    status: reg.status ?? 'active',
    paymentStatus: reg.paymentStatus,
    registrationType: reg.registrationType,
    amountCents: reg.amountCents,
    currency: reg.currency,
    customFields: customFieldsOf(reg.customFields),
  });
}

/** The legacy underscore spellings of the status endpoint, normalised as docs/events.md asks. */
const LEGACY_ABSTRACT_STATUSES: Record<string, string> = {
  under_review: 'under-review',
  revision_requested: 'revision-requested',
  revised: 'revised-pending-review',
};

export function abstractStatusOf(status: string | null | undefined): string | undefined {
  if (status === null || status === undefined) {
    return undefined;
  }
  return LEGACY_ABSTRACT_STATUSES[status] ?? status;
}

/** The abstract as its payloads carry it (`AbstractSnapshot`); an unpopulated category is looked up in the conference's abstract categories. */
export function abstractSnapshot(abstractDoc: AbstractDoc, eventDoc: EventDoc, eventType: string): Record<string, unknown> {
  const abs = plain(abstractDoc);
  const event = plain(eventDoc);
  let category: Record<string, unknown> | undefined;
  if (isPopulated<CategoryDoc>(abs.category, 'name')) {
    category = compact({ _id: idOf(abs.category._id), name: abs.category.name });
  } else if (abs.category) {
    const id = idOf(abs.category as IdLike);
    const known = (event.abstractSettings?.categories ?? []).find((c) => idOf(c._id) === id);
    if (!known?.name) {
      throw new InvalidEventError(eventType, [
        { field: 'abstract.category', message: `${id} is neither populated nor one of the conference's abstractSettings.categories` },
      ]);
    }
    category = { _id: id, name: known.name };
  }
  return compact({
    _id: idOf(abs._id),
    abstractNumber: abs.abstractNumber,
    title: abs.title,
    topic: abs.topic,
    subTopic: abs.subTopic,
    submissionType: abs.submissionType,
    category,
    authors: abs.authors,
    status: abstractStatusOf(abs.status),
  });
}

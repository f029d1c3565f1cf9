import type { EventDoc, RegistrationDoc, WorkshopDoc } from '../documents';
import type { AtlasMessage } from '../envelope';
import { InvalidEventError } from '../errors';
import { compact, dateOf, idOf, plain } from '../snapshots';
import { make, present, registrationData, withoutCategory, type RegistrationOptions } from './common';

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


import type { AbstractDoc, CategoryDoc, EventDoc, PersonalInfoDoc, RegistrationDoc } from '../documents';
import type { AtlasMessage } from '../envelope';
import { abstractSnapshot, abstractStatusOf, conferenceRef, dateOf, isPopulated, personalInfoOf, plain, registrationSnapshot } from '../snapshots';
import { make, present, type HelperOptions } from './common';

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


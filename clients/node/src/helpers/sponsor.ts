import type { EventDoc, SponsorDoc } from '../documents';
import type { AtlasMessage } from '../envelope';
import { compact, conferenceRef, idOf, plain } from '../snapshots';
import { make, present, type HelperOptions } from './common';

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

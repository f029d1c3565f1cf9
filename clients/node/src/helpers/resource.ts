import type { EventDoc, RegistrationDoc, ResourceDoc } from '../documents';
import type { AtlasMessage } from '../envelope';
import { InvalidEventError } from '../errors';
import { dateOf, idOf, plain } from '../snapshots';
import { make, present, registrationData, withoutCategory, type RegistrationOptions } from './common';

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


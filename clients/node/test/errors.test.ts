import { describe, expect, it } from 'vitest';
import * as library from '../src';
import { InvalidEventError } from '../src';
import { atlasDocuments } from './fixtures/documents.mjs';

/** Runs `build` and returns the InvalidEventError it throws. */
function errorOf(build: () => unknown): InvalidEventError {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventError);
    return error as InvalidEventError;
  }
  throw new Error('expected an InvalidEventError');
}

describe('invalid documents', () => {
  it('name the missing payload field of a registration without a last name', () => {
    const d = atlasDocuments();
    d.registration.personalInfo.lastName = undefined;
    const error = errorOf(() => library.registrationCreated(d.registration, d.event));
    expect(error.eventType).toBe('registration-created');
    expect(error.errors).toEqual([{ field: 'registration.personalInfo.lastName', message: 'is required' }]);
    expect(error.message).toBe('Invalid registration-created event: registration.personalInfo.lastName is required');
  });

  it('name a registration whose category is an id nobody populated', () => {
    const d = atlasDocuments();
    const lean = d.registration.toObject({ depopulate: true });
    const error = errorOf(() => library.paymentReceived(d.payment, lean, d.event));
    expect(error.errors[0].field).toBe('registration.category');
    expect(error.message).toContain("populate('category')");
    // The category passed separately is enough.
    expect(() => library.paymentReceived(d.payment, lean, d.event, { category: d.category })).not.toThrow();
  });

  it('name a status outside the model, with the allowed values', () => {
    const d = atlasDocuments();
    const reg = { ...d.registration.toObject(), status: 'confirmed' };
    const error = errorOf(() => library.registrationUpdated(reg, d.event));
    expect(error.errors).toEqual([{ field: 'registration.status', message: 'must be one of "active", "cancelled", "no-show"' }]);
  });

  it('name an id that is not an ObjectId', () => {
    const d = atlasDocuments();
    const event = { ...d.event.toObject(), _id: 'ICC-2025' };
    const error = errorOf(() => library.sponsorCreated(d.sponsor, event));
    expect(error.errors.map((e) => e.field)).toEqual(['envelope.eventid', 'event._id']);
    expect(error.errors[1].message).toContain('^[a-f0-9]{24}$');
  });

  it('name every problem at once', () => {
    const d = atlasDocuments();
    const payment = { ...d.payment.toObject(), provider: undefined, amountCents: 12.5 };
    const error = errorOf(() => library.paymentReceived(payment, d.registration, d.event));
    expect(error.errors.map((e) => e.field).sort()).toEqual(['amountCents', 'provider']);
    expect(error.message).toContain('amountCents must be integer');
  });

  it('refuse a check-in event for a registration that is not checked in', () => {
    const d = atlasDocuments();
    d.registration.checkIn = { isCheckedIn: false };
    const error = errorOf(() => library.checkInCompleted(d.registration, d.event));
    expect(error.errors[0].field).toBe('registration.checkIn.checkedInAt');
  });

  it('refuse a partial refund without its amount', () => {
    const d = atlasDocuments();
    d.payment.status = 'partial-refund';
    const error = errorOf(() => library.paymentRefunded(d.payment, d.registration, d.event));
    expect(error.errors[0].field).toBe('refundedCents');
    d.payment.status = 'refunded';
    expect((library.paymentRefunded(d.payment, d.registration, d.event).envelope.data as any)).toMatchObject({ refundedCents: 1250000, fullRefund: true });
  });

  it('refuse an abstract category that is neither populated nor the conference’s', () => {
    const d = atlasDocuments();
    d.abstract.category = '665f1e00b4d3e8a9c0f29999';
    const error = errorOf(() => library.abstractSubmitted(d.abstract, d.event));
    expect(error.errors[0].field).toBe('abstract.category');
  });

  it('refuse an abstract status the contract does not know', () => {
    const d = atlasDocuments();
    const error = errorOf(() => library.abstractStatusChanged(d.abstract, d.event, { oldStatus: 'in-limbo' }));
    expect(error.errors[0].field).toBe('oldStatus');
    expect(error.errors[0].message).toContain('"under-review"');
  });

  it('name a date that is not one', () => {
    const d = atlasDocuments();
    const error = errorOf(() => library.abstractStatusChanged(d.abstract, d.event, { oldStatus: 'submitted', revisionDeadline: 'next Friday' }));
    expect(error.errors).toEqual([{ field: 'revisionDeadline', message: 'is not a date: next Friday' }]);
  });

  it('refuse a hand-built event of an unknown type or without an aggregate id', () => {
    expect(() => library.atlasEvent('registration-teleported', {})).toThrow("Unknown event type 'registration-teleported'");
    const error = errorOf(() => library.atlasEvent('hotel-booking-created', { booking: {} }, { source: '/lodging-travel-service' }));
    expect(error.errors[0].field).toBe('envelope.subject');
  });
});

describe('missing documents', () => {
  const d = atlasDocuments();
  const calls: Array<[string, () => unknown, string[]]> = [
    ['eventCreated', () => library.eventCreated(null as any), ['event']],
    ['eventDeleted', () => library.eventDeleted(undefined as any), ['event']],
    ['registrationCreated', () => library.registrationCreated(null as any, d.event), ['registration']],
    ['workshopRegistered', () => library.workshopRegistered(d.registration, null as any, null as any), ['workshop', 'event']],
    ['paymentReceived', () => library.paymentReceived(null as any, d.registration, d.event), ['payment']],
    ['paymentRefunded', () => library.paymentRefunded(d.payment, null as any, d.event), ['registration']],
    ['abstractStatusChanged', () => library.abstractStatusChanged(null as any, d.event, { oldStatus: 'submitted' }), ['abstract']],
    ['resourceUsed', () => library.resourceUsed(d.resource, d.registration, null as any), ['event']],
    ['sponsorUpdated', () => library.sponsorUpdated(null as any, d.event), ['sponsor']],
  ];
  it.each(calls)('%s names the document that is missing (a findById that found nothing)', (_name, call, fields) => {
    expect(errorOf(call).errors.map((e) => e.field)).toEqual(fields);
  });
});

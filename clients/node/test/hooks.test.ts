import { describe, expect, it, vi } from 'vitest';
import * as library from '../src';
import { publishAfterCommit, type AtlasMessage } from '../src';
import { atlasDocuments, models } from './fixtures/documents.mjs';

describe('publishAfterCommit', () => {
  it('is a one-argument hook, so mongoose awaits its promise instead of waiting for next()', () => {
    expect(publishAfterCommit({ publish: vi.fn() }, () => null)).toHaveLength(1);
  });

  it('publishes what the mapping returns for the saved document', async () => {
    const publish = vi.fn(async (_m: AtlasMessage | AtlasMessage[]) => undefined);
    const d = atlasDocuments();
    const hook = publishAfterCommit({ publish }, (payment: any) =>
      payment.status === 'paid' ? library.paymentReceived(payment, d.registration, d.event) : null,
    );
    await hook(d.payment);
    expect(publish).toHaveBeenCalledTimes(1);
    const message = publish.mock.calls[0][0] as AtlasMessage;
    expect(message.envelope.type).toBe('payment-received');
    expect((message.envelope.data as any).paymentId).toBe(String(d.payment._id));

    d.payment.status = 'initiated';
    await hook(d.payment);
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it('runs as a real mongoose post hook and hands failures to onError without failing the write', async () => {
    const { Registration } = models;
    const schema = Registration.schema.clone();
    const published: AtlasMessage[] = [];
    const errors: unknown[] = [];
    const d = atlasDocuments();
    schema.post(
      'validate',
      publishAfterCommit(
        { publish: async (m: AtlasMessage | AtlasMessage[]) => void published.push(...(Array.isArray(m) ? m : [m])) },
        (reg: any) => library.registrationCreated(reg, d.event),
        { onError: (error) => void errors.push(error) },
      ),
    );
    const Model = Registration.db.model('RegistrationWithHook', schema);
    const reg = new Model({ ...d.registration.toObject(), category: d.category });
    await reg.validate();
    expect(published.map((m) => m.envelope.data.registration)).toEqual([expect.objectContaining({ registrationId: 'ICC-0042' })]);

    const broken = new Model({ ...d.registration.toObject(), category: d.category.toObject()._id });
    await expect(broken.validate()).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toContain('registration.category');
  });

  it('reports a failed send to onError', async () => {
    const onError = vi.fn();
    const d = atlasDocuments();
    const hook = publishAfterCommit({ publish: async () => Promise.reject(new Error('broker down')) }, () => library.eventUpdated(d.event), { onError });
    await hook(d.event);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'broker down' }), d.event);
  });
});

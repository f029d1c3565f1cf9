import type { EventDoc, PaymentDoc, RegistrationDoc } from '../documents';
import type { AtlasMessage } from '../envelope';
import { InvalidEventError } from '../errors';
import { dateOf, idOf, plain } from '../snapshots';
import { make, present, registrationData, withoutCategory, type RegistrationOptions } from './common';

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


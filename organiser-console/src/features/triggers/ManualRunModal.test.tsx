import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Form } from 'antd';
import { ManualRunModal } from './ManualRunModal';
import { ConditionBuilder } from './ConditionBuilder';
import { renderAt } from '../deliveries/test-utils';
import type { Audience, ConditionField, Trigger } from './api';

afterEach(() => vi.unstubAllGlobals());
const slow = { timeout: 15_000 };

const trigger: Trigger = { _id: 't1', name: 'Payment reminder', triggerType: 'manual', conditions: [], templates: [{ channel: 'email', template: 'x' }], isActive: true };
const audience: Audience = {
  registrations: 1200,
  notifications: 1200,
  etaSeconds: 86,
  channels: [{ channel: 'email', notifications: 1200, withoutAddress: 3, queuedAhead: 10, ratePerSecond: 14, etaSeconds: 86 }],
};

describe('ManualRunModal', () => {
  it('shows the audience and ETA from a dry run, sends only on confirmation, then follows the progress', async () => {
    const { calls } = renderAt(<ManualRunModal eventId="e1" trigger={trigger} zone="Asia/Kolkata" onClose={() => undefined} />, '/', {
      'POST /events/e1/notification-triggers/t1/manual-trigger?dryRun=true': audience,
      'POST /events/e1/notification-triggers/t1/manual-trigger': { queued: 1197, duplicates: 0, skipped: 3, batchId: 'manual:b1' },
      'GET /events/e1/notifications/progress?batch=manual%3Ab1': [
        { batchId: 'manual:b1', source: 'manual', total: 1200, done: 300, finished: false, byStatus: { pending: 900, sent: 297, failed: 0, skipped: 3, cancelled: 0 }, byChannel: { email: 1200 } },
      ],
    });
    expect(await screen.findByText('14/s', undefined, slow)).toBeInTheDocument();
    // The total (a statistic) and the channel's row both say how long it takes.
    expect(screen.getAllByText('about 1 min 26 s')).toHaveLength(2);
    const sends = () => calls.filter((c) => c.method === 'POST' && !c.url.includes('dryRun'));
    expect(sends()).toHaveLength(0);
    expect(calls[0]).toMatchObject({ url: '/events/e1/notification-triggers/t1/manual-trigger?dryRun=true', body: { filter: {} } });
    await userEvent.click(screen.getByRole('button', { name: 'Send 1200 messages' }));
    await waitFor(() => expect(sends()).toHaveLength(1));
    expect(await screen.findByText('Sending: 300 of 1200 processed', undefined, slow)).toBeInTheDocument();
  });
});

describe('ConditionBuilder', () => {
  const fields: ConditionField[] = [
    { path: 'registration.status', type: 'string', values: ['active', 'cancelled', 'no-show'], source: 'payload' },
    { path: 'amountCents', type: 'integer', source: 'payload' },
    { path: 'registration.category.name', type: 'string', source: 'payload' },
  ];
  const renderWith = (conditions: unknown[]) =>
    renderAt(
      <Form initialValues={{ conditions }}>
        <ConditionBuilder fields={fields} />
      </Form>,
      '/',
      {},
    );

  it('fits the value input to the field: enum values as a select, numbers as a number, no value for "has a value"', async () => {
    renderWith([
      { field: 'registration.status', operator: 'equals' },
      { field: 'amountCents', operator: 'greater-than' },
      { field: 'registration.category.name', operator: 'exists' },
    ]);
    expect(await screen.findByRole('combobox', { name: 'Condition 1 value' }, slow)).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Condition 2 value' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Condition 3 value')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove condition 3' })).toBeInTheDocument();
  });

  it('offers the enum values of the chosen field', async () => {
    renderWith([{ field: 'registration.status', operator: 'equals' }]);
    await userEvent.click(await screen.findByRole('combobox', { name: 'Condition 1 value' }, slow));
    expect(await screen.findByTitle('no-show', undefined, slow)).toBeInTheDocument();
  });
});

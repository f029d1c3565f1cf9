import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DeliveryLogPage from './DeliveryLogPage';
import { renderAt } from './test-utils';
import type { Notification, Progress } from './api';

afterEach(() => vi.unstubAllGlobals());

// antd's drawer in jsdom on a shared 2-core machine is slow: generous waits, no fixed sleeps.
const slow = { timeout: 15_000 };

const failed: Notification = {
  _id: 'n1',
  channel: 'email',
  status: 'failed',
  registrationId: 'REG-0001',
  recipient: { name: 'प्रिया शर्मा', email: 'priya@example.org' },
  content: { subject: 'Welcome, प्रिया', html: '<p>Dear प्रिया</p>', body: 'Dear प्रिया' },
  errorCode: 'EAUTH',
  errorMessage: 'SMTP login failed',
  createdAt: '2027-03-12T03:30:00Z',
  attempts: [{ number: 1, at: '2027-03-12T03:30:01Z', outcome: 'failed', errorCode: 'EAUTH', errorMessage: '535 bad credentials' }],
};

const running: Progress = {
  batchId: 'manual:abc',
  source: 'manual',
  total: 10,
  done: 4,
  finished: false,
  byStatus: { pending: 6, sent: 4, failed: 0, skipped: 0, cancelled: 0 },
  byChannel: { email: 10 },
  startedAt: '2027-03-12T03:30:00Z',
};

const routes = {
  'GET /reports/conferences/e1': { _id: 'e1', name: 'Congress', timezone: 'Asia/Kolkata' },
  'GET /events/e1/notification-triggers': [],
  'GET /events/e1/notifications/progress': [running],
  'GET /events/e1/notifications/n1': failed,
  'GET /events/e1/notifications?': [failed],
  'POST /events/e1/notifications/resend/n1': { ...failed, status: 'pending' },
};

describe('DeliveryLogPage', () => {
  it('asks the server for the filters in the URL, one page at a time', async () => {
    const { calls } = renderAt(<DeliveryLogPage eventId="e1" />, '/?status=failed&channel=email&page=2', routes);
    expect(await screen.findByText('प्रिया शर्मा <priya@example.org>', {}, slow)).toBeInTheDocument();
    const list = calls.find((c) => c.url.startsWith('/events/e1/notifications?'));
    expect(list?.url).toContain('status=failed');
    expect(list?.url).toContain('channel=email');
    expect(list?.url).toContain('page=2');
    expect(list?.url).toContain('limit=25');
  });

  it('filters by a registrant picked by name', async () => {
    const withRegistrants = {
      ...routes,
      'GET /events/e1/registrants': [{ _id: 'c'.repeat(24), registrationId: 'REG-0001', name: 'प्रिया शर्मा', email: 'priya@example.org', status: 'active' }],
    };
    const { calls } = renderAt(<DeliveryLogPage eventId="e1" />, '/', withRegistrants);
    const box = await screen.findByRole('combobox', { name: 'Registration' }, slow);
    await userEvent.click(box);
    expect(await screen.findByText('priya@example.org', {}, slow)).toBeInTheDocument();
    // rc-select reads the legacy `which`, which user-event leaves unset in jsdom.
    fireEvent.keyDown(box, { key: 'ArrowDown', keyCode: 40, which: 40 });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 13, which: 13 });
    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/events/e1/notifications?') && c.url.includes(`registration=${'c'.repeat(24)}`))).toBe(true), slow);
  });

  it('shows a running bulk send with its progress', async () => {
    renderAt(<DeliveryLogPage eventId="e1" />, '/', routes);
    expect(await screen.findByText('Sending: 4 of 10 processed', {}, slow)).toBeInTheDocument();
    expect(screen.getByText('pending: 6')).toBeInTheDocument();
  });

  it('opens the message named in the URL with its rendered content and attempts, and resends a failed one', async () => {
    const { calls } = renderAt(<DeliveryLogPage eventId="e1" />, '/?open=n1', routes);
    const drawer = await screen.findByRole('dialog', {}, slow);
    expect(await within(drawer).findByText('Welcome, प्रिया', {}, slow)).toBeInTheDocument();
    expect(within(drawer).getByTitle('Rendered HTML of the message')).toHaveAttribute('srcdoc', '<p>Dear प्रिया</p>');
    expect(within(drawer).getByText('EAUTH: 535 bad credentials')).toBeInTheDocument();
    // The text part is the service's `content.body`.
    await userEvent.click(within(drawer).getByRole('tab', { name: /Text/ }));
    expect(await within(drawer).findByText('Dear प्रिया')).toBeInTheDocument();
    await userEvent.click(within(drawer).getByRole('button', { name: /Resend/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/events/e1/notifications/resend/n1')).toBe(true));
  });

  it('offers no resend to a read-only role', async () => {
    renderAt(<DeliveryLogPage eventId="e1" />, '/?open=n1', routes, { role: 'staff', canWrite: false });
    const drawer = await screen.findByRole('dialog', {}, slow);
    expect(await within(drawer).findByText('Welcome, प्रिया', {}, slow)).toBeInTheDocument();
    expect(within(drawer).queryByRole('button', { name: /Resend/ })).not.toBeInTheDocument();
  });
});

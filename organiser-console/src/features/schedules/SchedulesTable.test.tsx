import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithConsole } from '../exports/renderWithConsole';
import { SchedulesTable } from './SchedulesTable';
import { describeTiming, type Schedule } from './api';

const schedule: Schedule = {
  _id: 's1',
  name: 'Weekly categories',
  report: 'registrations-by-category-status',
  format: 'excel',
  eventId: 'e1',
  schedule: { frequency: 'weekly', dayOfWeek: 1, time: '09:00', timezone: 'Asia/Kolkata' },
  delivery: { type: 'email', recipients: ['ops@example.org'] },
  isActive: true,
  nextRun: '2027-02-08T03:30:00Z',
  lastStatus: 'failed',
  lastError: 'SMTP refused',
  lastRun: '2027-02-01T03:30:00Z',
};

const page = { items: [schedule], pagination: { page: 1, limit: 20, total: 1, totalPages: 1, hasNextPage: false, hasPrevPage: false } };

function renderTable(api: object, canWrite: boolean, onRuns = vi.fn()) {
  renderWithConsole(
    <SchedulesTable page={page} loading={false} canWrite={canWrite} templateName={() => 'Registrations by category and status'} onPage={vi.fn()} onOpen={vi.fn()} onRuns={onRuns} />,
    api as never,
    { canWrite },
  );
  return onRuns;
}

describe('SchedulesTable', () => {
  it('shows when it runs next in its zone and how the last run failed', () => {
    renderTable({}, true);
    expect(screen.getByText('Weekly on Monday at 09:00 (Asia/Kolkata)')).toBeInTheDocument();
    expect(screen.getByText('8 Feb 2027, 09:00 (Asia/Kolkata)')).toBeInTheDocument();
    expect(screen.getByText('failed')).toBeInTheDocument();
    expect(screen.getByText('Ready-made: Registrations by category and status (EXCEL)')).toBeInTheDocument();
  });

  it('names the source of each schedule: a ready-made report, a built report or a saved export', () => {
    const built: Schedule = { ...schedule, _id: 's2', name: 'Built weekly', report: null, definition: { reportType: 'registrations', groupBy: ['category'], name: 'Registrations per category' } };
    const exported: Schedule = { ...schedule, _id: 's3', name: 'Export weekly', report: null, format: null, exportConfig: 'c1' };
    renderWithConsole(
      <SchedulesTable page={{ ...page, items: [schedule, built, exported] }} loading={false} canWrite templateName={() => 'Registrations by category and status'} onPage={vi.fn()} onOpen={vi.fn()} onRuns={vi.fn()} />,
      {} as never,
    );
    expect(screen.getByText('Ready-made: Registrations by category and status (EXCEL)')).toBeInTheDocument();
    expect(screen.getByText('Built report: Registrations per category (EXCEL)')).toBeInTheDocument();
    expect(screen.getByText('Saved export')).toBeInTheDocument();
  });

  it('runs a schedule now and opens its history', async () => {
    const post = vi.fn().mockResolvedValue({ _id: 'r1', status: 'claimed' });
    const onRuns = renderTable({ post }, true);
    await userEvent.click(screen.getByRole('button', { name: 'Run Weekly categories now' }));
    await waitFor(() => expect(post).toHaveBeenCalledWith('/reports/schedules/s1/run-now'));
    await waitFor(() => expect(onRuns).toHaveBeenCalledWith('s1'));
  });

  it('offers no run, edit or delete to a read-only role', () => {
    renderTable({}, false);
    expect(screen.queryByRole('button', { name: /Run Weekly categories now/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run history of Weekly categories' })).toBeInTheDocument();
  });
});

describe('describeTiming', () => {
  it('names the zone of every frequency', () => {
    expect(describeTiming({ frequency: 'daily', time: '07:30' })).toBe('Daily at 07:30 (UTC)');
    expect(describeTiming({ frequency: 'monthly', dayOfMonth: 31, time: '18:00', timezone: 'Europe/Berlin' })).toBe('Monthly on day 31 at 18:00 (Europe/Berlin)');
    expect(describeTiming({ frequency: 'custom', customCron: '0 9 * * 1-5', timezone: 'Asia/Tokyo' })).toBe('Cron “0 9 * * 1-5” (Asia/Tokyo)');
  });
});

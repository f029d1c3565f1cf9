import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithConsole } from '../exports/renderWithConsole';
import ReportBuilderPage from './ReportBuilderPage';

const request = { reportType: 'registrations', groupBy: ['category'], metrics: [{ type: 'count' }], name: 'Registrations per category' };

function fakeApi() {
  return {
    get: vi.fn().mockImplementation((path: string) => {
      if (path.startsWith('/export/catalog/')) return Promise.resolve({ name: 'registrations', fields: [{ name: 'category', label: 'Category', type: 'string' }] });
      if (path.startsWith('/reports/conferences/')) return Promise.resolve({ _id: 'e1', name: 'Summit', timezone: 'UTC' });
      return Promise.resolve([]);
    }),
    page: vi.fn().mockResolvedValue({ items: [], pagination: { page: 1, limit: 100, total: 0, totalPages: 0, hasNextPage: false, hasPrevPage: false } }),
    request: vi.fn().mockResolvedValue({ data: [{ category: 'Delegate', count: 2 }], meta: { columns: ['category', 'count'], count: 1, truncated: false, limit: 5000 } }),
  };
}

// The whole page and antd's drawer in jsdom on a shared 2-core machine are slow: generous waits, no fixed sleeps.
const slow = { timeout: 15_000 };

const url = `/?q=${encodeURIComponent(JSON.stringify(request))}`;

describe('ReportBuilderPage', () => {
  it('opens the schedule form with the report just built', async () => {
    renderWithConsole(<ReportBuilderPage eventId="e1" />, fakeApi() as never, { url });

    await userEvent.click(await screen.findByText('Schedule…', undefined, slow));
    expect(await screen.findByText('Schedule this report', undefined, slow)).toBeInTheDocument();
    expect(await screen.findByText('registrations · grouped by Category · bar chart', undefined, slow)).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('Registrations per category');
  });

  it('offers no schedule to a read-only role', async () => {
    renderWithConsole(<ReportBuilderPage eventId="e1" />, fakeApi() as never, { url, canWrite: false });

    // The preview's actions are there, without “Schedule…”.
    expect(await screen.findByText('Download XLSX', undefined, slow)).toBeInTheDocument();
    expect(screen.getByText('Save as favourite')).toBeInTheDocument();
    expect(screen.queryByText('Schedule…')).not.toBeInTheDocument();
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithConsole } from '../exports/renderWithConsole';
import { ScheduleForm } from './ScheduleForm';
import type { Schedule } from './api';
import type { ReportRequest } from '../report-builder/api';

const stored: Schedule = {
  _id: 's1',
  name: 'Nightly rooming list',
  report: 'rooming-list',
  format: 'pdf',
  eventId: 'e1',
  schedule: { frequency: 'daily', time: '22:30', timezone: 'Asia/Kolkata' },
  delivery: {
    type: 'cloud-storage',
    cloudStorage: { provider: 's3', path: 'reports', config: { endpoint: 'https://s3.example.org', bucket: 'atlas', region: 'ap-south-1', accessKeyId: 'AKIA1', secretAccessKey: '******' } },
  },
  isActive: true,
};

function fakeApi() {
  return {
    get: vi.fn().mockResolvedValue([{ id: 'rooming-list', name: 'Rooming list', description: '', definition: { title: '', dataType: 'hotel', groupBy: [] } }]),
    page: vi.fn().mockResolvedValue({ items: [], pagination: { page: 1, limit: 100, total: 0, totalPages: 0, hasNextPage: false, hasPrevPage: false } }),
    put: vi.fn().mockImplementation((_path: string, body: object) => Promise.resolve({ ...stored, ...body })),
  };
}

describe('ScheduleForm', () => {
  it('keeps a stored cloud secret masked and write-only, and sends the mask back to keep it', async () => {
    const api = fakeApi();
    const onSaved = vi.fn();
    renderWithConsole(<ScheduleForm eventId="e1" zone="Asia/Kolkata" schedule={stored} canWrite onSaved={onSaved} onCancel={vi.fn()} />, api as never);

    const secret = await screen.findByLabelText('Secret access key');
    expect(secret).toHaveAttribute('type', 'password');
    expect(secret).toHaveValue('******');
    expect(screen.getByText('Stored and hidden; leave ****** to keep it.')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Bucket'));
    await userEvent.type(screen.getByLabelText('Bucket'), 'atlas-reports');
    await userEvent.click(screen.getByRole('button', { name: 'Save schedule' }));

    await waitFor(() => expect(api.put).toHaveBeenCalled());
    const [path, body] = api.put.mock.calls[0];
    expect(path).toBe('/reports/schedules/s1');
    expect(body).toMatchObject({
      report: 'rooming-list',
      format: 'pdf',
      exportConfig: null,
      eventId: 'e1',
      schedule: { frequency: 'daily', time: '22:30', timezone: 'Asia/Kolkata', dayOfWeek: null, customCron: null },
      delivery: { type: 'cloud-storage', cloudStorage: { provider: 's3', path: 'reports', config: { bucket: 'atlas-reports', secretAccessKey: '******' } } },
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
  });

  it('shows a read-only role the schedule without a way to save it', async () => {
    renderWithConsole(<ScheduleForm eventId="e1" zone="UTC" schedule={stored} canWrite={false} onSaved={vi.fn()} onCancel={vi.fn()} />, fakeApi() as never, { canWrite: false });
    expect(await screen.findByLabelText('Bucket')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save schedule' })).not.toBeInTheDocument();
  });

  // antd's form in jsdom on a shared 2-core machine is slow: generous waits, no fixed sleeps.
  const slow = { timeout: 15_000 };

  const built: ReportRequest = { reportType: 'registrations', groupBy: ['category'], metrics: [{ type: 'count' }], chartType: 'bar', name: 'Registrations per category' };

  /** Answers the form's reads: templates, the catalog of registrations and the caller's favourites. */
  function builtApi(favorites: object[] = []) {
    return {
      get: vi.fn().mockImplementation((path: string) => {
        if (path === '/reports/favorites') return Promise.resolve(favorites);
        if (path.startsWith('/export/catalog/')) return Promise.resolve({ name: 'registrations', fields: [{ name: 'category', label: 'Category', type: 'string' }, { name: 'status', label: 'Status', type: 'string' }] });
        return Promise.resolve([]);
      }),
      page: vi.fn().mockResolvedValue({ items: [], pagination: { page: 1, limit: 100, total: 0, totalPages: 0, hasNextPage: false, hasPrevPage: false } }),
      post: vi.fn().mockImplementation((_path: string, body: object) => Promise.resolve({ _id: 'new', ...body })),
      put: vi.fn().mockImplementation((_path: string, body: object) => Promise.resolve({ _id: 's2', ...body })),
    };
  }

  it('starts a schedule of the report just built, named after it, and sends the builder request as its definition', async () => {
    const api = builtApi();
    const onSaved = vi.fn();
    renderWithConsole(<ScheduleForm eventId="e1" zone="Asia/Kolkata" definition={built} canWrite onSaved={onSaved} onCancel={vi.fn()} />, api as never);

    expect(screen.getByLabelText('Built report')).toBeChecked();
    expect(screen.getByLabelText('Name')).toHaveValue('Registrations per category');
    expect(await screen.findByText('registrations · grouped by Category · bar chart', undefined, slow)).toBeInTheDocument();
    expect(screen.queryByLabelText('Ready-made report', { selector: 'input[role="combobox"]' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByText('Keep for download'));
    await userEvent.click(screen.getByRole('button', { name: 'Save schedule' }));

    await waitFor(() => expect(api.post).toHaveBeenCalled());
    const [path, body] = api.post.mock.calls[0];
    expect(path).toBe('/reports/schedules');
    expect(body).toMatchObject({ name: 'Registrations per category', definition: built, report: null, exportConfig: null, format: 'excel', eventId: 'e1', delivery: { type: 'download' } });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
  });

  it('shows the built report a schedule keeps and replaces it with a saved one', async () => {
    const stored: Schedule = {
      _id: 's2',
      name: 'Weekly categories',
      definition: { reportType: 'registrations', fields: ['category', 'status'], filters: [{ field: 'status', operator: 'equals', value: 'active' }] },
      format: 'csv',
      eventId: 'e1',
      schedule: { frequency: 'weekly', dayOfWeek: 1, time: '09:00', timezone: 'UTC' },
      delivery: { type: 'download' },
      isActive: true,
    };
    const api = builtApi([{ _id: 'f1', kind: 'builder', name: 'Statuses', definition: { reportType: 'registrations', groupBy: ['status'], chartType: 'pie' } }]);
    renderWithConsole(<ScheduleForm eventId="e1" zone="UTC" schedule={stored} canWrite onSaved={vi.fn()} onCancel={vi.fn()} />, api as never);

    expect(await screen.findByText('registrations · 2 columns · 1 filter · no chart', undefined, slow)).toBeInTheDocument();
    expect(screen.getByLabelText('Built report')).toBeChecked();
    await userEvent.click(await screen.findByLabelText('Pick a saved built report', undefined, slow));
    await userEvent.click(await screen.findByTitle('Statuses', undefined, slow));
    expect(await screen.findByText('registrations · grouped by Status · pie chart', undefined, slow)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save schedule' }));

    await waitFor(() => expect(api.put).toHaveBeenCalled());
    expect(api.put.mock.calls[0][1]).toMatchObject({ definition: { reportType: 'registrations', groupBy: ['status'], chartType: 'pie', name: 'Statuses' }, format: 'csv', report: null });
  });

  it('asks for a built report before saving one without it', async () => {
    const api = builtApi();
    renderWithConsole(<ScheduleForm eventId="e1" zone="UTC" canWrite onSaved={vi.fn()} onCancel={vi.fn()} />, api as never);

    await userEvent.type(screen.getByLabelText('Name'), 'Nothing built');
    await userEvent.click(screen.getByLabelText('Built report'));
    expect(screen.getByText(/No report yet: build one in the Report builder/)).toBeInTheDocument();
    await userEvent.click(screen.getByText('Keep for download'));
    await userEvent.click(screen.getByRole('button', { name: 'Save schedule' }));

    expect(await screen.findByText('Build a report in the Report builder, or pick a saved one', undefined, slow)).toBeInTheDocument();
    expect(api.post).not.toHaveBeenCalled();
  });
});

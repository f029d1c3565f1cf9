import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithConsole } from '../exports/renderWithConsole';
import { ScheduleForm } from './ScheduleForm';
import type { Schedule } from './api';

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
});

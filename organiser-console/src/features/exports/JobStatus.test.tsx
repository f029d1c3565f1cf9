import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { JobStatus } from './JobStatus';
import { renderWithConsole } from './renderWithConsole';
import type { ExportJob } from './api';

const job = (changes: Partial<ExportJob>): ExportJob => ({
  _id: 'job1',
  name: 'Delegates',
  exportType: 'excel',
  dataType: 'registrations',
  status: 'processing',
  createdAt: '2027-02-04T03:30:00Z',
  fileName: 'registrations.xlsx',
  ...changes,
});

describe('JobStatus', () => {
  it('polls a running job until it is completed, then downloads its file', async () => {
    const get = vi
      .fn()
      .mockResolvedValueOnce(job({ status: 'processing', progress: 40, recordCount: 400, totalRecords: 1000 }))
      .mockResolvedValue(job({ status: 'completed', progress: 100, recordCount: 1000, totalRecords: 1000, fileSize: 2048 }));
    const download = vi.fn().mockResolvedValue({ fileName: 'registrations.xlsx', size: 2048 });
    renderWithConsole(<JobStatus jobId="job1" zone="Asia/Kolkata" onClose={() => undefined} />, { get, download } as never);

    expect(await screen.findByText('processing')).toBeInTheDocument();
    expect(screen.getByText(/400 of 1000 rows/)).toBeInTheDocument();
    expect(screen.getByText(/4 Feb 2027, 09:00 \(Asia\/Kolkata\)/)).toBeInTheDocument();
    expect(await screen.findByText('completed', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/export/status/job1', undefined, expect.anything());
    await userEvent.click(screen.getByRole('button', { name: /Download file/ }));
    await waitFor(() => expect(download).toHaveBeenCalledWith('/export/download/job1', 'registrations.xlsx'));
  });

  it('shows why a job failed and offers no download', async () => {
    const get = vi.fn().mockResolvedValue(job({ status: 'failed', errorMessage: 'Unknown field foo' }));
    renderWithConsole(<JobStatus jobId="job1" zone="UTC" onClose={() => undefined} />, { get } as never);
    expect(await screen.findByText('Unknown field foo')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Download file/ })).not.toBeInTheDocument();
  });
});

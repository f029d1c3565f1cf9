import { useState } from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { HistoryTable } from './HistoryTable';
import { renderWithConsole } from './renderWithConsole';
import type { HistoryFilters } from './api';

vi.setConfig({ testTimeout: 30_000 });

const EMPTY: HistoryFilters = { status: '', dataType: '', exportType: '', from: '', to: '', page: '1' };

function Harness({ initial = EMPTY }: { initial?: HistoryFilters }) {
  const [filters, setFilters] = useState(initial);
  return (
    <HistoryTable eventId="e1" zone="Asia/Kolkata" filters={filters} sources={[]} onChange={(changes) => setFilters({ ...filters, ...changes })} />
  );
}

const emptyPage = { items: [], pagination: { page: 1, limit: 20, total: 0, totalPages: 0, hasNextPage: false, hasPrevPage: false } };

describe('HistoryTable', () => {
  it('filters on whole days of the conference (Asia/Kolkata), sent as their UTC bounds', async () => {
    const page = vi.fn().mockResolvedValue(emptyPage);
    renderWithConsole(<Harness />, { page } as never);
    const start = await screen.findByPlaceholderText('Created from');
    await userEvent.click(start);
    await userEvent.type(start, '2027-01-10{Enter}');
    await userEvent.type(screen.getByPlaceholderText('Created to'), '2027-01-12{Enter}');
    await waitFor(() =>
      expect(page).toHaveBeenLastCalledWith(
        '/export/history',
        expect.objectContaining({ from: '2027-01-09T18:30:00.000Z', to: '2027-01-12T18:29:59.999Z' }),
        expect.anything(),
      ),
    );
    expect(screen.getByPlaceholderText('Created from')).toHaveValue('2027-01-10');
    expect(screen.getByPlaceholderText('Created to')).toHaveValue('2027-01-12');
  });

  it('shows a range from the URL as the conference’s days and names the zone', async () => {
    const page = vi.fn().mockResolvedValue({
      ...emptyPage,
      items: [{ _id: 'j1', name: 'Delegates', exportType: 'csv', dataType: 'registrations', status: 'completed', createdAt: '2027-01-10T20:00:00Z' }],
      pagination: { ...emptyPage.pagination, total: 1, totalPages: 1 },
    });
    renderWithConsole(<Harness initial={{ ...EMPTY, from: '2027-01-09T18:30:00.000Z', to: '2027-01-12T18:29:59.999Z' }} />, { page } as never);
    expect(screen.getByPlaceholderText('Created from')).toHaveValue('2027-01-10');
    expect(screen.getByPlaceholderText('Created to')).toHaveValue('2027-01-12');
    expect(await screen.findByRole('columnheader', { name: 'Created (Asia/Kolkata)' })).toBeInTheDocument();
    // 20:00 UTC on the 10th is already the 11th in Kolkata.
    expect(screen.getByText('11 Jan 2027, 01:30')).toBeInTheDocument();
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatusActions } from './StatusActions';
import { nextStatuses, stayIsLocked } from './lifecycle';
import { renderWithApi } from './test-utils';
import type { Booking } from './api';

const booking = (bookingStatus: Booking['bookingStatus']): Booking => ({ _id: 'b1', registration: 'r1', bookingStatus });

// The machine running the suite is shared; antd's first render can take seconds there.
afterEach(() => vi.unstubAllGlobals());

describe('booking lifecycle', () => {
  it('mirrors the service: pending → confirmed → checked-in → checked-out, cancel only before check-in', () => {
    expect(nextStatuses('pending')).toEqual(['confirmed', 'cancelled']);
    expect(nextStatuses('confirmed')).toEqual(['checked-in', 'cancelled']);
    expect(nextStatuses('checked-in')).toEqual(['checked-out']);
    expect(nextStatuses('checked-out')).toEqual([]);
    expect(nextStatuses('cancelled')).toEqual([]);
    expect(nextStatuses('unknown')).toEqual([]);
    expect(stayIsLocked('checked-in')).toBe(true);
    expect(stayIsLocked('confirmed')).toBe(false);
  });
});

describe('StatusActions', () => {
  it('offers only the moves a pending booking allows', () => {
    renderWithApi(<StatusActions eventId="e1" booking={booking('pending')} />, {});
    expect(screen.getByRole('button', { name: 'Confirm' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel booking' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Check in' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Check out' })).not.toBeInTheDocument();
  });

  it('offers check-out alone once checked in, and nothing after check-out', () => {
    const { unmount } = renderWithApi(<StatusActions eventId="e1" booking={booking('checked-in')} />, {});
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Check out']);
    unmount();
    renderWithApi(<StatusActions eventId="e1" booking={booking('checked-out')} />, {});
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('checks a confirmed booking in with PATCH status', async () => {
    const { calls } = renderWithApi(<StatusActions eventId="e1" booking={booking('confirmed')} />, {
      'PATCH /events/e1/hotel-bookings/b1/status': { ...booking('checked-in') },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Check in' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')).toBeDefined());
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
      url: '/events/e1/hotel-bookings/b1/status',
      body: { status: 'checked-in' },
    });
  });

  it('asks before cancelling and sends nothing until confirmed', async () => {
    const { calls } = renderWithApi(<StatusActions eventId="e1" booking={booking('confirmed')} />, {
      'PATCH /events/e1/hotel-bookings/b1/status': booking('cancelled'),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Cancel booking' }));
    expect(await screen.findByText('Cancel this booking?')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
    await userEvent.click(screen.getAllByRole('button', { name: 'Cancel booking' }).at(-1)!);
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({ status: 'cancelled' });
  });
});

import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HotelForm } from './HotelForm';
import { renderWithApi } from '../bookings/test-utils';

afterEach(() => vi.unstubAllGlobals());

describe('HotelForm', () => {
  it('sends the price in cents as priceCents with the room type', async () => {
    const onDone = vi.fn();
    const { calls } = renderWithApi(<HotelForm eventId="e1" onDone={onDone} onCancel={() => undefined} />, {
      'POST /events/e1/hotels': (call) => ({ _id: 'h1', ...(call.body as object) }),
    });
    fireEvent.change(screen.getByLabelText('Hotel name'), { target: { value: 'فندق النيل' } });
    fireEvent.change(screen.getByLabelText('Room type 1'), { target: { value: 'Deluxe' } });
    fireEvent.change(screen.getByLabelText('Price per night'), { target: { value: '8500.5' } });
    await userEvent.click(screen.getByRole('button', { name: 'Add hotel' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      name: 'فندق النيل',
      isOfficial: true,
      roomTypes: [{ name: 'Deluxe', capacity: 2, priceCents: 850050, currency: 'INR' }],
    });
  });

  it("puts the API's field error on the room type's price", async () => {
    const fetchAnswer = { success: false, message: 'Validation failed', errors: [{ field: 'roomTypes[0].priceCents', message: 'must be greater than or equal to 0' }] };
    const { calls } = renderWithApi(<HotelForm eventId="e1" onDone={() => undefined} onCancel={() => undefined} />, {});
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ method: init?.method ?? 'GET', url: String(input) });
      return new Response(JSON.stringify(fetchAnswer), { status: 400 });
    }));
    fireEvent.change(screen.getByLabelText('Hotel name'), { target: { value: 'Taj' } });
    fireEvent.change(screen.getByLabelText('Room type 1'), { target: { value: 'Deluxe' } });
    await userEvent.click(screen.getByRole('button', { name: 'Add hotel' }));
    expect(await screen.findByText('must be greater than or equal to 0')).toBeInTheDocument();
    expect(screen.getByLabelText('Price per night').closest('.ant-form-item')).toHaveClass('ant-form-item-has-error');
  });
});

import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BookingForm } from './BookingForm';
import { TravelForm } from '../travel/TravelForm';
import { renderWithApi } from './test-utils';
import type { Booking } from './api';
import type { Hotel } from '../hotels/api';

vi.setConfig({ testTimeout: 120_000 });
afterEach(() => vi.unstubAllGlobals());

const priya = { _id: 'c'.repeat(24), registrationId: 'REG-0007', name: 'प्रिया Sharma', email: 'priya@example.in', status: 'active' };
const hotels = [{ _id: 'h1', name: 'Hotel Kaveri', roomTypes: [{ name: 'Deluxe', capacity: 2, priceCents: 850000 }] }] as unknown as Hotel[];

describe('lodging forms pick the registrant by name', () => {
  it('creates a booking for the registrant chosen by name', async () => {
    const { calls } = renderWithApi(<BookingForm eventId="e1" hotels={hotels} onDone={() => undefined} onCancel={() => undefined} />, {
      'GET /events/e1/registrants': [priya],
      'POST /events/e1/hotel-bookings': (call) => ({ _id: 'b1', bookingStatus: 'pending', ...(call.body as object) }),
    });
    expect(screen.queryByText(/24 characters/)).not.toBeInTheDocument();
    // The shared machine makes antd slow in jsdom: events are fired directly rather than typed key by key.
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Registrant' }));
    await userEvent.click(await screen.findByText('priya@example.in'));
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Hotel' }));
    await userEvent.click(await screen.findByTitle('Hotel Kaveri'));
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Room type' }));
    await userEvent.click(await screen.findByTitle('Deluxe'));
    for (const [label, day] of [['Check-in', '2027-01-19'], ['Check-out', '2027-01-21']]) {
      const input = screen.getByLabelText(label);
      fireEvent.mouseDown(input);
      fireEvent.change(input, { target: { value: day } });
      fireEvent.keyDown(input, { key: 'Enter', keyCode: 13, which: 13 });
    }
    await userEvent.click(screen.getByRole('button', { name: 'Create booking' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      registration: priya._id,
      hotelId: 'h1',
      roomType: 'Deluxe',
      checkIn: { date: '2027-01-19' },
      checkOut: { date: '2027-01-21' },
    });
  });

  it('names the registrant of a booking being edited, without a search', () => {
    const booking: Booking = {
      _id: 'b1',
      registration: priya._id,
      registrationId: 'REG-0007',
      guest: { firstName: 'प्रिया', lastName: 'Sharma', email: 'priya@example.in' },
      bookingStatus: 'pending',
    };
    const { calls } = renderWithApi(<BookingForm eventId="e1" booking={booking} hotels={hotels} onDone={() => undefined} onCancel={() => undefined} />, {});
    const registrant = screen.getByRole('combobox', { name: 'Registrant' });
    expect(registrant).toBeDisabled();
    expect(registrant.closest('.ant-select-content')).toHaveAttribute('title', 'प्रिया Sharma (REG-0007)');
    expect(calls.filter((c) => c.url.includes('/registrants'))).toHaveLength(0);
  });

  it('names the traveller of an itinerary being edited and the zone of its times', () => {
    renderWithApi(
      <TravelForm
        eventId="e1"
        zone="Asia/Kolkata"
        travel={{ _id: 't1', registration: priya._id, registrationId: 'REG-0007', traveller: { firstName: 'प्रिया', lastName: 'Sharma' }, status: 'pending', arrival: { time: '06:40' } }}
        onDone={() => undefined}
      />,
      {},
    );
    expect(screen.getByRole('combobox', { name: 'Registrant' }).closest('.ant-select-content')).toHaveAttribute('title', 'प्रिया Sharma (REG-0007)');
    expect(screen.getByText('Arrival (times in Asia/Kolkata)')).toBeInTheDocument();
    expect(screen.getByLabelText('Arrival time')).toHaveValue('06:40');
  });
});

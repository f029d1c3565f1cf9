import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import MyTripPage from './MyTripPage';
import { renderWithApi } from '../bookings/test-utils';

// The machine running the suite is shared; antd's first render can take seconds there.
vi.setConfig({ testTimeout: 30_000 });
afterEach(() => vi.unstubAllGlobals());

const registrant = { kind: 'registrant' as const, registrationId: 'r1', canWrite: false, role: undefined };

const booking = {
  _id: 'b1',
  registration: 'r1',
  registrationId: 'REG-0001',
  hotel: { _id: 'h1', name: 'ホテル 東京', address: 'Marunouchi, Tokyo' },
  roomType: 'Deluxe',
  checkIn: { date: '2027-01-19T00:00:00Z' },
  checkOut: { date: '2027-01-21T00:00:00Z' },
  nights: 2,
  bookingStatus: 'confirmed',
  specialRequests: 'Ground floor',
};

describe('MyTripPage', () => {
  it('shows the registrant their own booking and saves only the special requests', async () => {
    const { calls } = renderWithApi(<MyTripPage eventId="e1" />, {
      'GET /events/e1/hotel-bookings/registration/r1': booking,
      'GET /events/e1/travel-info/registration/r1': { _id: 't1', registration: 'r1', status: 'pending', arrival: { flightNumber: 'AI 101' }, documents: [] },
      'PUT /events/e1/hotel-bookings/b1': (call) => ({ ...booking, ...(call.body as object) }),
    }, registrant);
    expect(await screen.findByText('ホテル 東京')).toBeInTheDocument();
    expect(screen.getByText('Confirmed')).toBeInTheDocument();
    expect(screen.getByText('19 Jan 2027 → 21 Jan 2027 (2 nights)')).toBeInTheDocument();
    expect(await screen.findByDisplayValue('AI 101')).toBeInTheDocument();

    const requests = screen.getByLabelText('Special requests');
    await userEvent.clear(requests);
    await userEvent.type(requests, 'Late arrival, after 23:00');
    await userEvent.click(screen.getByRole('button', { name: 'Save requests' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')).toEqual({
      method: 'PUT',
      url: '/events/e1/hotel-bookings/b1',
      body: { specialRequests: 'Late arrival, after 23:00' },
    });
    // Only the registrant's own records and conference are asked for: no list, no hotel, no room block, no manifest.
    expect(calls.every((c) => /registration\/r1$|hotel-bookings\/b1$|registrants\/me$/.test(c.url))).toBe(true);
  });

  it('shows flight and upload times in the conference’s zone, named', async () => {
    const { calls } = renderWithApi(<MyTripPage eventId="e1" />, {
      'GET /events/e1/registrants/me': { registration: { _id: 'r1', registrationId: 'REG-0001', name: 'अनन्या Iyer' }, conference: { _id: 'e1', name: 'Atlas Summit', timezone: 'Asia/Kolkata' } },
      'GET /events/e1/travel-info/registration/r1': {
        _id: 't1',
        registration: 'r1',
        status: 'confirmed',
        arrival: { date: '2027-01-19T00:00:00Z', time: '06:40', flightNumber: 'AI 101', airport: 'BLR', transferRequired: true },
        departure: { date: '2027-01-23T00:00:00Z', time: '21:10', flightNumber: '6E 2043', airport: 'BLR' },
        documents: [{ _id: 'd1', type: 'visa', name: 'Visa', fileName: 'visa.pdf', fileSize: 2048, uploadedAt: '2027-01-05T20:00:00Z' }],
      },
    }, registrant);
    expect(await screen.findByText(/19 Jan 2027, 06:40 \(Asia\/Kolkata\) · AI 101 · BLR/)).toBeInTheDocument();
    expect(screen.getByText(/23 Jan 2027, 21:10 \(Asia\/Kolkata\) · 6E 2043 · BLR/)).toBeInTheDocument();
    expect(screen.getByText('Arrival (times in Asia/Kolkata)')).toBeInTheDocument();
    expect(screen.getByLabelText('Arrival time')).toHaveValue('06:40');
    // 20:00 UTC on the 5th is 01:30 on the 6th in Kolkata.
    expect(await screen.findByText(/6 Jan 2027, 01:30 \(Asia\/Kolkata\)/)).toBeInTheDocument();
    expect(screen.queryByText(/\(UTC\)/)).not.toBeInTheDocument();
    expect(calls.some((c) => c.url === '/events/e1/registrants/me')).toBe(true);
    expect(calls.some((c) => c.url.startsWith('/reports/'))).toBe(false);
  });

  it('says when there is no booking yet and offers to enter travel plans', async () => {
    renderWithApi(<MyTripPage eventId="e1" />, {}, registrant);
    expect(await screen.findByText(/No hotel booking yet/)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Save itinerary' })).toBeInTheDocument();
    expect(screen.getByText(/Save your travel plans first/)).toBeInTheDocument();
  });

  it('refuses a staff caller', () => {
    renderWithApi(<MyTripPage eventId="e1" />, {}, { kind: 'staff', role: 'admin', canWrite: true });
    expect(screen.getByText('Your role cannot do this')).toBeInTheDocument();
  });
});

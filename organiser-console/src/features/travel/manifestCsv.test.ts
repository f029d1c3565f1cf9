import { describe, expect, it } from 'vitest';
import { manifestToCsv, windowLabel } from './manifestCsv';
import type { TransferManifest } from './api';

const manifest: TransferManifest = {
  from: '2027-01-19',
  to: '2027-01-20',
  windowMinutes: 60,
  totals: { arrivals: 2, departures: 1 },
  arrivals: [
    {
      date: '2027-01-19',
      airport: 'BLR',
      terminal: '2',
      windowStart: '09:00',
      windowEnd: '10:00',
      passengerCount: 2,
      passengers: [
        { travelInfoId: 't1', registration: 'r1', registrationId: 'REG-1', name: 'प्रिया Sharma', phone: '+91 98', flightNumber: 'AI 503', time: '09:40' },
        { travelInfoId: 't2', registration: 'r2', registrationId: 'REG-2', name: 'Lee, "Min"', phone: '=1+2', flightNumber: '6E2043', time: '09:55' },
      ],
    },
  ],
  departures: [
    { date: '2027-01-20', airport: 'BLR', terminal: null, windowStart: null, windowEnd: null, passengerCount: 1, passengers: [{ travelInfoId: 't1', registration: 'r1', registrationId: 'REG-1', name: 'प्रिया Sharma' }] },
  ],
};

describe('manifestToCsv', () => {
  const lines = manifestToCsv(manifest).replace(/^\uFEFF/, '').trim().split('\r\n');

  it('writes one line per passenger under a header, arrivals then departures, with a BOM for Excel', () => {
    expect(manifestToCsv(manifest).startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Direction,Date,Airport,Terminal,Window,Passenger,Registration,Phone,Flight,Time');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('Arrival,2027-01-19,BLR,2,09:00–10:00,प्रिया Sharma,REG-1,+91 98,AI 503,09:40');
    expect(lines[3]).toBe('Departure,2027-01-20,BLR,,Time not given,प्रिया Sharma,REG-1,,,');
  });

  it('quotes commas and quotes, and neutralises formulas but not phone numbers', () => {
    expect(lines[2]).toContain('"Lee, ""Min"""');
    expect(lines[2]).toContain(`"'=1+2"`);
  });

  it('names a window without a time', () => {
    expect(windowLabel({ windowStart: null, windowEnd: null })).toBe('Time not given');
  });
});

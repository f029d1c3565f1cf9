import { describe, expect, it } from 'vitest';
import { dayInZone, dayjs, formatDateTime, formatDayInZone, formatDayTime, zoneDayBounds } from './dates';

describe('dates in the conference zone', () => {
  it('turns days picked in Asia/Kolkata into the UTC instants bounding those days there', () => {
    const bounds = zoneDayBounds(dayjs('2027-01-10'), dayjs('2027-01-12'), 'Asia/Kolkata');
    expect(bounds).toEqual({ from: '2027-01-09T18:30:00.000Z', to: '2027-01-12T18:29:59.999Z' });
  });

  it('leaves an open end open and treats a missing zone as UTC', () => {
    expect(zoneDayBounds(dayjs('2027-01-10'), null, 'Asia/Kolkata')).toEqual({ from: '2027-01-09T18:30:00.000Z', to: '' });
    expect(zoneDayBounds(null, dayjs('2027-01-12'), undefined)).toEqual({ from: '', to: '2027-01-12T23:59:59.999Z' });
  });

  it('shows an instant bound as its day in the zone, whatever the browser’s zone', () => {
    expect(dayInZone('2027-01-09T18:30:00.000Z', 'Asia/Kolkata')?.format('YYYY-MM-DD')).toBe('2027-01-10');
    expect(dayInZone('2027-01-12T18:29:59.999Z', 'Asia/Kolkata')?.format('YYYY-MM-DD')).toBe('2027-01-12');
    expect(dayInZone('', 'Asia/Kolkata')).toBeNull();
  });

  it('shows a conference’s first day as the day it is in the conference’s zone', () => {
    // Midnight in Kolkata is 18:30 UTC the day before; notification-service formats it the same way.
    expect(formatDayInZone('2027-01-19T18:30:00Z', 'Asia/Kolkata')).toBe('20 Jan 2027');
    expect(formatDayInZone('2027-01-20T00:00:00Z', 'Asia/Kolkata')).toBe('20 Jan 2027');
    expect(formatDayInZone(undefined, 'Asia/Kolkata')).toBe('—');
  });

  it('names the zone of a flight time and converts instants into it', () => {
    expect(formatDayTime('2027-01-19T00:00:00Z', '06:40', 'Asia/Kolkata')).toBe('19 Jan 2027, 06:40 (Asia/Kolkata)');
    expect(formatDayTime('2027-01-19T00:00:00Z', null, 'Asia/Kolkata')).toBe('19 Jan 2027');
    expect(formatDayTime(null, '06:40', null)).toBe('06:40 (UTC)');
    expect(formatDateTime('2027-01-19T01:10:00Z', 'Asia/Kolkata')).toBe('19 Jan 2027, 06:40 (Asia/Kolkata)');
  });
});

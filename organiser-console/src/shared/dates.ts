import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { Dayjs } from 'dayjs';

dayjs.extend(utc);
dayjs.extend(timezone);

export { dayjs };

/** The zone a conference's dates are shown in; UTC when the conference does not say. */
export function zoneOr(timezoneName: string | undefined | null): string {
  return timezoneName && timezoneName.trim() ? timezoneName : 'UTC';
}

/** "12 Mar 2027, 09:00 (Asia/Kolkata)": always with the zone named, so nobody guesses. */
export function formatDateTime(iso: string | null | undefined, zone?: string | null): string {
  if (!iso) return '—';
  const z = zoneOr(zone);
  const value = dayjs(iso);
  if (!value.isValid()) return String(iso);
  return `${value.tz(z).format('D MMM YYYY, HH:mm')} (${z})`;
}

/** A calendar date (check-in, arrival day): no time, no zone shift. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const value = dayjs.utc(iso);
  return value.isValid() ? value.format('D MMM YYYY') : String(iso);
}

/** The day an instant falls on in a zone (a conference's start, sent as an instant): "20 Jan 2027". */
export function formatDayInZone(iso: string | null | undefined, zone?: string | null): string {
  if (!iso) return '—';
  const value = dayjs(iso);
  return value.isValid() ? value.tz(zoneOr(zone)).format('D MMM YYYY') : String(iso);
}

/**
 * A calendar day with a local wall-clock time (a flight's or a check-in's `HH:mm`, entered as the clock at the
 * conference reads it): "19 Jan 2027, 06:40 (Asia/Kolkata)". Nothing is converted; the zone says whose clock it is.
 */
export function formatDayTime(day: string | null | undefined, time: string | null | undefined, zone?: string | null): string {
  if (!time) return formatDate(day);
  const clock = `${time} (${zoneOr(zone)})`;
  return day ? `${formatDate(day)}, ${clock}` : clock;
}

/** An instant bound of a date-range filter as the day it falls on in `zone`, for the range picker to show. */
export function dayInZone(iso: string | null | undefined, zone?: string | null): Dayjs | null {
  if (!iso) return null;
  const value = dayjs(iso);
  return value.isValid() ? value.tz(zoneOr(zone)) : null;
}

/**
 * Whole days picked on a calendar, as the instants that bound them in `zone` (the conference's days, not the
 * browser's): from the first day's 00:00 to the last day's 23:59:59.999 there. Either end may be open ('').
 */
export function zoneDayBounds(
  first: Dayjs | null | undefined,
  last: Dayjs | null | undefined,
  zone?: string | null,
): { from: string; to: string } {
  const z = zoneOr(zone);
  return {
    from: first ? dayjs.tz(first.format('YYYY-MM-DD'), z).startOf('day').toISOString() : '',
    to: last ? dayjs.tz(last.format('YYYY-MM-DD'), z).endOf('day').toISOString() : '',
  };
}

export function formatMoney(cents: number | null | undefined, currency = 'INR'): string {
  if (cents === null || cents === undefined) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

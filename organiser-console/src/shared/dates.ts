import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

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

export function formatMoney(cents: number | null | undefined, currency = 'INR'): string {
  if (cents === null || cents === undefined) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

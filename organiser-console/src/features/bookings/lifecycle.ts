/**
 * The booking lifecycle, mirrored from lodging-travel-service's `BookingService.TRANSITIONS` (docs/lodging-travel.md,
 * "Status lifecycle"): pending → confirmed → checked-in → checked-out, pending|confirmed → cancelled, nothing else.
 * The console offers only these moves; the service still refuses any other with a 409.
 */
export type BookingStatus = 'pending' | 'confirmed' | 'checked-in' | 'checked-out' | 'cancelled';

export const BOOKING_STATUSES: BookingStatus[] = ['pending', 'confirmed', 'checked-in', 'checked-out', 'cancelled'];

export const NEXT_STATUSES: Record<BookingStatus, BookingStatus[]> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['checked-in', 'cancelled'],
  'checked-in': ['checked-out'],
  'checked-out': [],
  cancelled: [],
};

export const STATUS_LABEL: Record<BookingStatus, string> = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  'checked-in': 'Checked in',
  'checked-out': 'Checked out',
  cancelled: 'Cancelled',
};

/** The button that moves a booking to a status. */
export const ACTION_LABEL: Record<BookingStatus, string> = {
  pending: 'Back to pending',
  confirmed: 'Confirm',
  'checked-in': 'Check in',
  'checked-out': 'Check out',
  cancelled: 'Cancel booking',
};

/** antd Badge statuses: a coloured dot next to dark text (coloured tag text fails WCAG AA contrast for green and gold). */
export const STATUS_BADGE: Record<BookingStatus, 'warning' | 'processing' | 'success' | 'default' | 'error'> = {
  pending: 'warning',
  confirmed: 'processing',
  'checked-in': 'success',
  'checked-out': 'default',
  cancelled: 'error',
};

export function nextStatuses(status: string | undefined): BookingStatus[] {
  return NEXT_STATUSES[status as BookingStatus] ?? [];
}

/** Dates, room and hotel of a cancelled, checked-in or checked-out booking cannot change (the service answers 409). */
export function stayIsLocked(status: string | undefined): boolean {
  return status === 'cancelled' || status === 'checked-in' || status === 'checked-out';
}

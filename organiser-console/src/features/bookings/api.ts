import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ConsoleContext';
import type { UploadProgress } from '../../api/http';
import type { BookingStatus } from './lifecycle';

export interface Guest {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
}

/** A hotel booking as lodging-travel-service answers it (docs/lodging-travel.md, Models). */
export interface Booking {
  _id: string;
  registration: string;
  registrationId?: string;
  guest?: Guest | null;
  hotel?: { _id?: string | null; name?: string; address?: string; contactInfo?: string } | null;
  roomType?: string;
  roomNumber?: string;
  checkIn?: { date?: string; time?: string; isCheckedIn?: boolean; checkedInAt?: string | null } | null;
  checkOut?: { date?: string; time?: string; isCheckedOut?: boolean; checkedOutAt?: string | null } | null;
  nights?: number;
  bookingReference?: string;
  bookingStatus: BookingStatus;
  confirmationDocument?: { fileName: string; fileUrl?: string; fileType?: string; fileSize?: number; uploadedAt?: string } | null;
  specialRequests?: string;
  notes?: string;
  flags?: string[];
  roomBlock?: { hotelId: string; roomType: string; nights: string[] } | null;
  createdAt?: string;
  updatedAt?: string;
}

/** The body of create and update; on update only the fields given change. */
export interface BookingInput {
  registration?: string;
  hotelId?: string;
  roomType?: string;
  roomNumber?: string;
  checkIn?: { date?: string; time?: string };
  checkOut?: { date?: string; time?: string };
  bookingReference?: string;
  specialRequests?: string;
  notes?: string;
}

export interface BookingFilters {
  status: string;
  hotelId: string;
  registration: string;
  checkInFrom: string;
  checkInTo: string;
  search: string;
  page: string;
}

export const PAGE_SIZE = 20;

const path = (eventId: string) => `/events/${eventId}/hotel-bookings`;

export function guestName(booking: Pick<Booking, 'guest' | 'registrationId'>): string {
  const name = [booking.guest?.firstName, booking.guest?.lastName].filter(Boolean).join(' ');
  return name || booking.registrationId || 'Unknown guest';
}

export function useBookings(eventId: string, filters: BookingFilters) {
  const api = useApi();
  return useQuery({
    queryKey: ['lodging', eventId, 'bookings', filters],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.page<Booking>(path(eventId), { ...filters, limit: PAGE_SIZE, sortBy: 'createdAt:desc' }, signal),
  });
}

export function useBooking(eventId: string, id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['lodging', eventId, 'booking', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<Booking>(`${path(eventId)}/${id}`, undefined, signal),
  });
}

/** The registrant's current booking (`registration/{id}`: newest not cancelled, else newest); null when none. */
export function useBookingOfRegistration(eventId: string, registrationId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['lodging', eventId, 'booking-of', registrationId],
    enabled: !!registrationId,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Booking>(`${path(eventId)}/registration/${registrationId}`, undefined, signal);
      } catch (error) {
        if ((error as { status?: number }).status === 404) return null;
        throw error;
      }
    },
  });
}

function useInvalidate(eventId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['lodging', eventId] });
}

export function useSaveBooking(eventId: string) {
  const api = useApi();
  const invalidate = useInvalidate(eventId);
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: BookingInput }) =>
      id ? api.put<Booking>(`${path(eventId)}/${id}`, body) : api.post<Booking>(path(eventId), body),
    onSuccess: invalidate,
  });
}

export function useChangeStatus(eventId: string) {
  const api = useApi();
  const invalidate = useInvalidate(eventId);
  return useMutation({
    mutationFn: ({ id, status, reason }: { id: string; status: BookingStatus; reason?: string }) =>
      api.patch<Booking>(`${path(eventId)}/${id}/status`, { status, reason }),
    onSuccess: invalidate,
  });
}

export function useDeleteBooking(eventId: string) {
  const api = useApi();
  const invalidate = useInvalidate(eventId);
  return useMutation({ mutationFn: (id: string) => api.del(`${path(eventId)}/${id}`), onSuccess: invalidate });
}

export function useUploadConfirmation(eventId: string) {
  const api = useApi();
  const invalidate = useInvalidate(eventId);
  return useMutation({
    mutationFn: ({ id, file, onProgress }: { id: string; file: File; onProgress?: (p: UploadProgress) => void }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<Booking>(`${path(eventId)}/${id}/upload-confirmation`, form, onProgress);
    },
    onSuccess: invalidate,
  });
}

export function useDownloadConfirmation(eventId: string) {
  const api = useApi();
  return (booking: Booking) =>
    api.download(`${path(eventId)}/${booking._id}/confirmation`, booking.confirmationDocument?.fileName ?? 'confirmation');
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ConsoleContext';

/** A room type as lodging-travel-service stores it: the price per night in integer cents (docs/lodging-travel.md). */
export interface RoomType {
  _id?: string;
  name: string;
  description?: string;
  capacity?: number | null;
  amenities?: string[];
  priceCents?: number | null;
  currency?: string;
}

export interface Hotel {
  _id: string;
  name: string;
  description?: string;
  address?: { street?: string; city?: string; state?: string; postalCode?: string; country?: string } | null;
  contactInfo?: { phone?: string; email?: string; website?: string; contactPerson?: string } | null;
  roomTypes: RoomType[];
  isOfficial: boolean;
  distanceToVenue?: string;
  notes?: string;
}

export type HotelInput = Omit<Hotel, '_id' | 'roomTypes'> & { roomTypes: RoomType[] };

/** One night of one room type's block (`room-blocks`). */
export interface RoomNight {
  _id: string;
  hotelId: string;
  hotelName: string;
  roomType: string;
  night: string;
  contracted: number;
  booked: number;
  available: number;
}

export interface PickupLine {
  night: string | null;
  contracted: number;
  booked: number;
  available: number;
  pickupPercent: number;
}

export interface PickupReport {
  hotelId: string;
  hotelName: string;
  roomType: string;
  nights: PickupLine[];
  totals: PickupLine;
  peakNight: string | null;
}

export interface RoomBlockInput {
  hotelId: string;
  roomType: string;
  firstNight: string;
  lastNight?: string;
  rooms: number;
}

const base = (eventId: string) => `/events/${eventId}`;

/** Every hotel of the conference (a conference has a handful; one page of 500 is all of them). */
export function useHotels(eventId: string, search = '') {
  const api = useApi();
  return useQuery({
    queryKey: ['lodging', eventId, 'hotels', search],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.page<Hotel>(`${base(eventId)}/hotels`, { search, limit: 500, sortBy: 'name:asc' }, signal),
  });
}

export function useSaveHotel(eventId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: HotelInput }) =>
      id ? api.put<Hotel>(`${base(eventId)}/hotels/${id}`, body) : api.post<Hotel>(`${base(eventId)}/hotels`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['lodging', eventId] }),
  });
}

export function useDeleteHotel(eventId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`${base(eventId)}/hotels/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['lodging', eventId] }),
  });
}

/** All room-block nights of the conference, optionally of one hotel (paged by 500 until the last page). */
export function useRoomNights(eventId: string, hotelId?: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['lodging', eventId, 'room-blocks', hotelId ?? ''],
    queryFn: async ({ signal }) => {
      const nights: RoomNight[] = [];
      for (let page = 1; page <= 20; page++) {
        const result = await api.page<RoomNight>(
          `${base(eventId)}/room-blocks`,
          { hotelId, page, limit: 500, sortBy: 'night:asc' },
          signal,
        );
        nights.push(...result.items);
        if (!result.pagination.hasNextPage) break;
      }
      return nights;
    },
  });
}

export function useSaveRoomBlock(eventId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RoomBlockInput) => api.put<RoomNight[]>(`${base(eventId)}/room-blocks`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['lodging', eventId] }),
  });
}

export function usePickup(eventId: string, hotelId?: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['lodging', eventId, 'pickup', hotelId ?? ''],
    queryFn: ({ signal }) => api.get<PickupReport[]>(`${base(eventId)}/room-blocks/pickup`, { hotelId }, signal),
  });
}

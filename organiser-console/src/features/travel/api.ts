import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ConsoleContext';
import type { UploadProgress } from '../../api/http';

export interface Leg {
  date?: string | null;
  time?: string | null;
  flightNumber?: string | null;
  airport?: string | null;
  terminal?: string | null;
  transferRequired?: boolean;
}

export type DocumentType = 'flight-ticket' | 'visa' | 'passport' | 'other';

export interface TravelDocument {
  _id: string;
  type: DocumentType;
  name?: string;
  description?: string;
  fileName: string;
  fileType?: string;
  fileSize?: number;
  encrypted?: boolean;
  uploadedAt?: string;
}

/** A travel record (docs/lodging-travel.md): one per registration, with warnings against the hotel booking. */
export interface TravelInfo {
  _id: string;
  registration: string;
  registrationId?: string;
  traveller?: { firstName: string; lastName: string; email?: string; phone?: string } | null;
  arrival?: Leg | null;
  departure?: Leg | null;
  documents?: TravelDocument[];
  notes?: string;
  status: 'pending' | 'confirmed' | 'completed';
  warnings?: { code: string; message: string }[];
  createdAt?: string;
  updatedAt?: string;
}

export interface TravelInput {
  registration?: string;
  arrival?: Leg;
  departure?: Leg;
  notes?: string;
  status?: string;
}

export interface TravelFilters {
  status: string;
  airport: string;
  transferRequired: string;
  search: string;
  page: string;
}

export interface ManifestPassenger {
  travelInfoId: string;
  registration: string;
  registrationId?: string;
  name: string;
  phone?: string;
  flightNumber?: string;
  time?: string;
}

export interface ManifestGroup {
  date: string;
  airport: string;
  terminal?: string | null;
  windowStart?: string | null;
  windowEnd?: string | null;
  passengerCount: number;
  passengers: ManifestPassenger[];
}

export interface TransferManifest {
  from: string;
  to: string;
  windowMinutes: number;
  arrivals: ManifestGroup[];
  departures: ManifestGroup[];
  totals: { arrivals: number; departures: number };
}

export interface ManifestQuery {
  from: string;
  to: string;
  direction: string;
  windowMinutes: string;
  airport: string;
}

export const TRAVEL_STATUSES = ['pending', 'confirmed', 'completed'] as const;
export const DOCUMENT_TYPES: { value: DocumentType; label: string }[] = [
  { value: 'flight-ticket', label: 'Flight ticket' },
  { value: 'visa', label: 'Visa' },
  { value: 'passport', label: 'Passport' },
  { value: 'other', label: 'Other' },
];
export const PAGE_SIZE = 20;

const path = (eventId: string) => `/events/${eventId}/travel-info`;

export function travellerName(t: Pick<TravelInfo, 'traveller' | 'registrationId'>): string {
  return [t.traveller?.firstName, t.traveller?.lastName].filter(Boolean).join(' ') || t.registrationId || 'Unknown traveller';
}

export function useTravelList(eventId: string, filters: TravelFilters) {
  const api = useApi();
  return useQuery({
    queryKey: ['lodging', eventId, 'travel', filters],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.page<TravelInfo>(path(eventId), { ...filters, limit: PAGE_SIZE, sortBy: 'arrivalDate:asc' }, signal),
  });
}

export function useTravel(eventId: string, id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['lodging', eventId, 'travel-one', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<TravelInfo>(`${path(eventId)}/${id}`, undefined, signal),
  });
}

/** The registration's travel record, null when it has none yet (404). */
export function useTravelOfRegistration(eventId: string, registrationId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['lodging', eventId, 'travel-of', registrationId],
    enabled: !!registrationId,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<TravelInfo>(`${path(eventId)}/registration/${registrationId}`, undefined, signal);
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

export function useSaveTravel(eventId: string) {
  const api = useApi();
  const invalidate = useInvalidate(eventId);
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TravelInput }) =>
      id ? api.put<TravelInfo>(`${path(eventId)}/${id}`, body) : api.post<TravelInfo>(path(eventId), body),
    onSuccess: invalidate,
  });
}

export function useDeleteTravel(eventId: string) {
  const api = useApi();
  const invalidate = useInvalidate(eventId);
  return useMutation({ mutationFn: (id: string) => api.del(`${path(eventId)}/${id}`), onSuccess: invalidate });
}

export function useUploadDocument(eventId: string) {
  const api = useApi();
  const invalidate = useInvalidate(eventId);
  return useMutation({
    mutationFn: ({ id, file, type, name, onProgress }: { id: string; file: File; type: DocumentType; name?: string; onProgress?: (p: UploadProgress) => void }) => {
      const form = new FormData();
      form.append('file', file);
      form.append('type', type);
      if (name) form.append('name', name);
      return api.upload<TravelInfo>(`${path(eventId)}/${id}/upload-document`, form, onProgress);
    },
    onSuccess: invalidate,
  });
}

export function useDeleteDocument(eventId: string) {
  const api = useApi();
  const invalidate = useInvalidate(eventId);
  return useMutation({
    mutationFn: ({ id, documentId }: { id: string; documentId: string }) => api.del(`${path(eventId)}/${id}/documents/${documentId}`),
    onSuccess: invalidate,
  });
}

export function useDownloadDocument(eventId: string) {
  const api = useApi();
  return (travelId: string, doc: TravelDocument) =>
    api.download(`${path(eventId)}/${travelId}/documents/${doc._id}/download`, doc.fileName);
}

export function useManifest(eventId: string, query: ManifestQuery, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['lodging', eventId, 'manifest', query],
    enabled,
    queryFn: ({ signal }) =>
      api.get<TransferManifest>(`/events/${eventId}/transfer-manifest`, { ...query }, signal),
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ConsoleContext';

/** A registration as lodging-travel-service's registrant search answers it (docs/lodging-travel.md). */
export interface Registrant {
  _id: string;
  /** The human id, `REG-0001`. */
  registrationId?: string;
  name: string;
  email?: string | null;
  category?: string | null;
  status?: string;
}

/** A registrant's own registration and its conference (`GET registrants/me`, registrant tokens only). */
export interface OwnRegistration {
  registration: Registrant | null;
  conference: { _id: string; name?: string | null; timezone: string; startDate?: string | null; endDate?: string | null };
}

export const REGISTRANT_PAGE = 20;

/** Registrations of the conference matching `search` (name, e-mail, human id; case and accents ignored). */
export function useRegistrantSearch(eventId: string, search: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: ['lodging', eventId, 'registrants', search],
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    queryFn: ({ signal }) =>
      api.get<Registrant[]>(`/events/${eventId}/registrants`, { search: search || undefined, limit: REGISTRANT_PAGE }, signal),
  });
}

/** "Priya Sharma (REG-0001)": how a chosen registrant reads in a field. */
export function registrantLabel(registrant: Pick<Registrant, 'name' | 'registrationId'>): string {
  return registrant.registrationId ? `${registrant.name} (${registrant.registrationId})` : registrant.name;
}

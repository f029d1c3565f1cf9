import { useQuery } from '@tanstack/react-query';
import { useApi, useCaller } from '../api/ConsoleContext';
import type { OwnRegistration } from './registrants';

/** A conference as the reporting read model knows it (`GET /api/reports/conferences/{eventId}`). */
export interface Conference {
  _id: string;
  name: string;
  startDate?: string;
  endDate?: string;
  timezone?: string;
  venue?: { name?: string; city?: string; country?: string } | null;
  status?: string;
}

/**
 * The conference of a page, for its name and timezone. Staff read reporting's read model; a registrant may call no
 * reporting route, so it reads its own registration's conference from lodging (`registrants/me`).
 */
export function useConference(eventId: string | undefined) {
  const api = useApi();
  const caller = useCaller();
  const registrant = caller.kind === 'registrant';
  return useQuery({
    queryKey: ['conference', eventId, registrant ? 'registrant' : 'staff'],
    enabled: !!eventId && (caller.kind === 'staff' || registrant),
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }): Promise<Conference> => {
      if (!registrant) return api.get<Conference>(`/reports/conferences/${eventId}`, undefined, signal);
      const { conference } = await api.get<OwnRegistration>(`/events/${eventId}/registrants/me`, undefined, signal);
      return {
        _id: conference._id,
        name: conference.name ?? '',
        timezone: conference.timezone,
        startDate: conference.startDate ?? undefined,
        endDate: conference.endDate ?? undefined,
      };
    },
  });
}

/** The zone to show this conference's times in. */
export function useConferenceZone(eventId: string | undefined): string {
  return useConference(eventId).data?.timezone || 'UTC';
}

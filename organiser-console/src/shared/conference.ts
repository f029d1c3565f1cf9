import { useQuery } from '@tanstack/react-query';
import { useApi, useCaller } from '../api/ConsoleContext';

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

/** The conference of a page, for its name and timezone. Registrants cannot read it: they get the zone UTC. */
export function useConference(eventId: string | undefined) {
  const api = useApi();
  const caller = useCaller();
  return useQuery({
    queryKey: ['conference', eventId],
    enabled: !!eventId && caller.kind === 'staff',
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) => api.get<Conference>(`/reports/conferences/${eventId}`, undefined, signal),
  });
}

/** The zone to show this conference's times in. */
export function useConferenceZone(eventId: string | undefined): string {
  return useConference(eventId).data?.timezone || 'UTC';
}

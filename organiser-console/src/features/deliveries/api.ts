import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ConsoleContext';

export const STATUSES = ['pending', 'sent', 'failed', 'skipped', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

/** Solid tag colours with white text at 4.5:1 or more (antd's light presets are under WCAG AA). */
export const STATUS_COLOR: Record<string, string> = {
  pending: '#0958d9',
  sent: '#237804',
  failed: '#a8071a',
  skipped: '#595959',
  cancelled: '#ad4e00',
};

export interface Attempt {
  number: number;
  at: string;
  outcome: 'sent' | 'retry' | 'failed' | string;
  errorCode?: string | null;
  errorMessage?: string | null;
  providerMessageId?: string | null;
  durationMs?: number | null;
}

export interface Recipient {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** One message of the delivery log (docs/notification.md, Notification statuses). */
export interface Notification {
  _id: string;
  registration?: string | null;
  registrationId?: string | null;
  trigger?: string | null;
  template?: string | null;
  channel: 'email' | 'sms' | 'whatsapp';
  recipient?: Recipient | null;
  content?: {
    subject?: string | null;
    /** The text part (e-mail), the SMS text or the WhatsApp session text, as the service stores it. */
    body?: string | null;
    html?: string | null;
    whatsappTemplate?: { name?: string; language?: string; parameters?: string[] } | null;
  } | null;
  status: Status;
  errorMessage?: string | null;
  errorCode?: string | null;
  sentAt?: string | null;
  createdAt: string;
  updatedAt?: string;
  source?: string;
  attemptCount?: number;
  attempts: Attempt[];
  nextAttemptAt?: string | null;
  providerMessageId?: string | null;
  deliveryStatus?: string | null;
  deliveryUpdatedAt?: string | null;
  testMode?: boolean;
  originalRecipient?: Recipient | null;
  transactional?: boolean;
}

export interface DeliveryFilters {
  channel: string;
  status: string;
  trigger: string;
  registration: string;
  dateFrom: string;
  dateTo: string;
  search: string;
  batch: string;
  page: string;
}

/** A bulk send's progress (`GET notifications/progress`). */
export interface Progress {
  batchId: string;
  source: string;
  trigger?: string | null;
  total: number;
  byStatus: Record<Status, number>;
  byChannel: Record<string, number>;
  done: number;
  finished: boolean;
  startedAt?: string | null;
  updatedAt?: string | null;
}

export const PAGE_SIZE = 25;

const path = (eventId: string) => `/events/${eventId}/notifications`;

export function useNotifications(eventId: string, filters: DeliveryFilters) {
  const api = useApi();
  return useQuery({
    queryKey: ['deliveries', eventId, 'list', filters],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.page<Notification>(path(eventId), { ...filters, limit: PAGE_SIZE }, signal),
  });
}

export function useNotification(eventId: string, id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['deliveries', eventId, 'one', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<Notification>(`${path(eventId)}/${id}`, undefined, signal),
    // A pending message changes under our eyes: follow it until it settles.
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 2000 : false),
  });
}

export function useResend(eventId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Notification>(`${path(eventId)}/resend/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['deliveries', eventId] }),
  });
}

/**
 * The running bulk sends of the event, or one batch. Polls every 2 s while anything is pending, then stops; the list
 * of running sends is rechecked every 15 s.
 */
export function useProgress(eventId: string, batch?: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: ['deliveries', eventId, 'progress', batch ?? ''],
    enabled,
    queryFn: ({ signal }) => api.get<Progress[]>(`${path(eventId)}/progress`, { batch }, signal),
    refetchInterval: (query) => {
      const data = query.state.data;
      if (data && data.length > 0 && data.some((p) => !p.finished)) return 2000;
      return batch ? false : 15_000;
    },
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ConsoleContext';

export type TriggerType = 'event' | 'scheduled' | 'manual';
export type Channel = 'email' | 'sms' | 'whatsapp';

export const TRIGGER_TYPES: { value: TriggerType; label: string; help: string }[] = [
  { value: 'event', label: 'On an event', help: 'Sends when a domain event arrives (a registration, a payment, ...)' },
  { value: 'scheduled', label: 'On a schedule', help: 'Sends to the active registrations at a set time' },
  { value: 'manual', label: 'By hand', help: 'Sends when an organiser runs it' },
];

export const CHANNELS: { value: Channel; label: string }[] = [
  { value: 'email', label: 'E-mail' },
  { value: 'sms', label: 'SMS' },
  { value: 'whatsapp', label: 'WhatsApp' },
];

export const channelLabel = (channel: string) => CHANNELS.find((c) => c.value === channel)?.label ?? channel;

export const OPERATORS: { value: string; label: string; unary?: boolean }[] = [
  { value: 'equals', label: 'equals' },
  { value: 'not-equals', label: 'does not equal' },
  { value: 'contains', label: 'contains' },
  { value: 'not-contains', label: 'does not contain' },
  { value: 'greater-than', label: 'is greater than' },
  { value: 'less-than', label: 'is less than' },
  { value: 'exists', label: 'has a value', unary: true },
  { value: 'not-exists', label: 'has no value', unary: true },
];

export const isUnary = (operator?: string) => OPERATORS.some((o) => o.value === operator && o.unary);

export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export interface Condition {
  field: string;
  operator: string;
  value?: unknown;
}

export interface Schedule {
  type: 'one-time' | 'recurring';
  date?: string | null;
  time: string;
  recurring?: { frequency: 'daily' | 'weekly' | 'monthly'; daysOfWeek?: number[]; dayOfMonth?: number | null } | null;
}

export interface TemplateRef {
  channel: Channel;
  template: string;
}

/** A trigger as notification-service answers it (docs/notification.md, Triggers). */
export interface Trigger {
  _id: string;
  name: string;
  description?: string | null;
  triggerType: TriggerType;
  eventType?: string | null;
  schedule?: Schedule | null;
  conditions: Condition[];
  templates: TemplateRef[];
  isActive: boolean;
  nextRunAt?: string | null;
  lastRunAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

export type TriggerInput = Omit<Trigger, '_id' | 'nextRunAt' | 'lastRunAt' | 'createdAt' | 'updatedAt'>;

/** One path a condition can test (`GET notification-triggers/event-types`). */
export interface ConditionField {
  path: string;
  type: string;
  nullable?: boolean;
  values?: (string | number)[];
  format?: string;
  description?: string;
  source: 'payload' | 'variable';
}

export interface EventTypeFields {
  eventType: string;
  description?: string;
  version?: number;
  fields: ConditionField[];
}

export interface TemplateSummary {
  _id: string;
  name: string;
  type: Channel;
  isActive: boolean;
}

/** The dry run of a manual trigger. */
export interface Audience {
  registrations: number;
  notifications: number;
  etaSeconds: number;
  channels: {
    channel: Channel;
    notifications: number;
    withoutAddress: number;
    queuedAhead: number;
    ratePerSecond: number;
    etaSeconds: number;
  }[];
}

export interface ManualAnswer {
  queued: number;
  duplicates: number;
  skipped: number;
  batchId: string;
}

/** Who a manual trigger reaches: every active registration, or a filter (docs/notification.md, Manual). */
export interface RecipientFilter {
  category?: string;
  paymentStatus?: string;
  registrationType?: string;
  search?: string;
}

export interface TriggerFilters {
  triggerType: string;
  search: string;
  page: string;
}

export const PAGE_SIZE = 20;

const path = (eventId: string) => `/events/${eventId}/notification-triggers`;

export function useTriggers(eventId: string, filters: TriggerFilters) {
  const api = useApi();
  return useQuery({
    queryKey: ['triggers', eventId, 'list', filters],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.page<Trigger>(path(eventId), { ...filters, limit: PAGE_SIZE }, signal),
  });
}

export function useTrigger(eventId: string, id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['triggers', eventId, 'one', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<Trigger>(`${path(eventId)}/${id}`, undefined, signal),
  });
}

/** The paths each event type's payload really has, for the condition builder. Static per deployment. */
export function useEventTypes(eventId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['triggers', eventId, 'event-types'],
    staleTime: Infinity,
    queryFn: ({ signal }) => api.get<EventTypeFields[]>(`${path(eventId)}/event-types`, undefined, signal),
  });
}

/** The event's templates, for the per-channel pickers. */
export function useTemplateOptions(eventId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['triggers', eventId, 'templates'],
    queryFn: ({ signal }) =>
      api.page<TemplateSummary>(`/events/${eventId}/notification-templates`, { limit: 100, sortBy: 'name:asc' }, signal),
  });
}

function useInvalidate(eventId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['triggers', eventId] });
}

export function useSaveTrigger(eventId: string) {
  const api = useApi();
  const invalidate = useInvalidate(eventId);
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Partial<TriggerInput> }) =>
      id ? api.put<Trigger>(`${path(eventId)}/${id}`, body) : api.post<Trigger>(path(eventId), body),
    onSuccess: invalidate,
  });
}

export function useDeleteTrigger(eventId: string) {
  const api = useApi();
  const invalidate = useInvalidate(eventId);
  return useMutation({ mutationFn: (id: string) => api.del(`${path(eventId)}/${id}`), onSuccess: invalidate });
}

export function useAudience(eventId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: ({ id, filter }: { id: string; filter: RecipientFilter }) =>
      api.post<Audience>(`${path(eventId)}/${id}/manual-trigger`, { filter }, { dryRun: true }),
  });
}

export function useRunTrigger(eventId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: ({ id, filter }: { id: string; filter: RecipientFilter }) =>
      api.post<ManualAnswer>(`${path(eventId)}/${id}/manual-trigger`, { filter }),
  });
}

/** "about 2 min 30 s": a duration for people. */
export function formatEta(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 60) return `about ${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `about ${minutes} min${seconds % 60 ? ` ${Math.round(seconds % 60)} s` : ''}`;
  const hours = Math.floor(minutes / 60);
  return `about ${hours} h ${minutes % 60} min`;
}

/** A schedule in words: "Every Mon, Wed at 09:00", "Once on 2027-03-12 at 08:30". */
export function describeSchedule(schedule: Schedule | null | undefined): string {
  if (!schedule) return '';
  if (schedule.type === 'one-time') return `Once on ${schedule.date ?? '?'} at ${schedule.time}`;
  const recurring = schedule.recurring;
  if (!recurring || recurring.frequency === 'daily') return `Every day at ${schedule.time}`;
  if (recurring.frequency === 'weekly') {
    const days = [...(recurring.daysOfWeek ?? [])].sort().map((d) => DAYS[d]).join(', ');
    return `Every ${days || '?'} at ${schedule.time}`;
  }
  return `Monthly on day ${recurring.dayOfMonth ?? '?'} at ${schedule.time}`;
}

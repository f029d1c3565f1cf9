import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ConsoleContext';
import type { Page } from '../../api/http';
import type { ReportRequest } from '../report-builder/api';

export type Frequency = 'daily' | 'weekly' | 'monthly' | 'custom';
export type DeliveryType = 'email' | 'download' | 'cloud-storage';
export type Provider = 's3' | 'google-drive' | 'dropbox';

export interface Timing {
  frequency: Frequency;
  dayOfWeek?: number | null;
  dayOfMonth?: number | null;
  time?: string | null;
  timezone?: string | null;
  customCron?: string | null;
}

export interface Delivery {
  type: DeliveryType;
  recipients?: string[];
  subject?: string;
  message?: string;
  cloudStorage?: { provider: Provider; path?: string; config?: Record<string, string> } | null;
}

/** A scheduled report (docs/reporting.md, Scheduled reports): one source of report, definition and exportConfig. */
export interface Schedule {
  _id: string;
  name: string;
  report?: string | null;
  /** A report built in the report builder: its request body, as the preview takes it. */
  definition?: ReportRequest | null;
  exportConfig?: string | null;
  eventId?: string | null;
  format?: 'pdf' | 'excel' | 'csv' | null;
  schedule: Timing;
  delivery: Delivery;
  isActive: boolean;
  isGlobal?: boolean | null;
  lastRun?: string | null;
  nextRun?: string | null;
  lastStatus?: string | null;
  lastError?: string | null;
  failureCount?: number | null;
  createdAt?: string;
}

export type ScheduleInput = Omit<Schedule, '_id' | 'lastRun' | 'nextRun' | 'lastStatus' | 'lastError' | 'failureCount' | 'createdAt'>;

export interface ScheduleRun {
  _id: string;
  scheduleId: string;
  occurrence: string;
  status: 'claimed' | 'exporting' | 'delivered' | 'failed';
  jobId?: string | null;
  deliveredTo?: string | null;
  error?: string | null;
  createdAt?: string;
  completedAt?: string | null;
}

const isUnderWay = (run: ScheduleRun) => run.status === 'claimed' || run.status === 'exporting';

export const MASK = '******';

/** Secret keys of a cloud target: write-only, answered masked. */
export const SECRET_KEYS = ['secretAccessKey', 'accessToken', 'refreshToken', 'clientSecret'];

export const PROVIDER_FIELDS: Record<Provider, { key: string; label: string }[]> = {
  s3: [
    { key: 'endpoint', label: 'Endpoint URL' },
    { key: 'bucket', label: 'Bucket' },
    { key: 'region', label: 'Region' },
    { key: 'accessKeyId', label: 'Access key id' },
    { key: 'secretAccessKey', label: 'Secret access key' },
  ],
  'google-drive': [
    { key: 'folderId', label: 'Folder id' },
    { key: 'refreshToken', label: 'Refresh token (kept; access tokens expire in an hour)' },
    { key: 'clientId', label: 'OAuth client id (empty: the operator\'s)' },
    { key: 'clientSecret', label: 'OAuth client secret' },
    { key: 'accessToken', label: 'Access token (without a refresh token)' },
  ],
  dropbox: [
    { key: 'refreshToken', label: 'Refresh token (kept; access tokens expire)' },
    { key: 'clientId', label: 'App key (empty: the operator\'s)' },
    { key: 'clientSecret', label: 'App secret' },
    { key: 'accessToken', label: 'Access token (without a refresh token)' },
  ],
};

export type ScheduleSource = 'report' | 'definition' | 'exportConfig';

export function sourceOf(schedule: Pick<Schedule, 'exportConfig' | 'definition'>): ScheduleSource {
  if (schedule.exportConfig) return 'exportConfig';
  return schedule.definition ? 'definition' : 'report';
}

/** The saved builder request may give groupBy as one name or a list. */
function groupsOf(definition: ReportRequest): string[] {
  const groupBy = definition.groupBy as string[] | string | undefined;
  if (!groupBy) return [];
  return typeof groupBy === 'string' ? [groupBy] : groupBy;
}

/** "registrations · grouped by Category · bar chart": data type, groups (or columns), filters and chart of a built report. */
export function describeDefinition(definition: ReportRequest, label: (field: string) => string = (f) => f): string {
  const groups = groupsOf(definition);
  const parts = [definition.reportType];
  if (groups.length) parts.push(`grouped by ${groups.map(label).join(' and ')}`);
  else parts.push(definition.fields?.length ? `${definition.fields.length} column${definition.fields.length === 1 ? '' : 's'}` : 'every column');
  if (definition.filters?.length) parts.push(`${definition.filters.length} filter${definition.filters.length === 1 ? '' : 's'}`);
  // A grouped report is drawn as bars unless it names another chart; a list has none.
  parts.push(groups.length ? `${definition.chartType ?? 'bar'} chart` : 'no chart');
  return parts.join(' · ');
}

/** Which report a schedule sends: "Ready-made: …", "Built report: …" (with the file format) or "Saved export". */
export function describeSource(schedule: Schedule, templateName: (id: string) => string): string {
  const format = (schedule.format ?? 'pdf').toUpperCase();
  switch (sourceOf(schedule)) {
    case 'exportConfig':
      return 'Saved export';
    case 'definition':
      return `Built report: ${schedule.definition?.name || schedule.definition?.reportType} (${format})`;
    default:
      return `Ready-made: ${templateName(schedule.report ?? '')} (${format})`;
  }
}

export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Weekly on Monday at 09:00 (Asia/Kolkata)". */
export function describeTiming(timing: Timing | undefined): string {
  if (!timing) return '—';
  const zone = timing.timezone || 'UTC';
  const at = timing.time ? ` at ${timing.time}` : '';
  switch (timing.frequency) {
    case 'daily':
      return `Daily${at} (${zone})`;
    case 'weekly':
      return `Weekly on ${DAYS[timing.dayOfWeek ?? 1]}${at} (${zone})`;
    case 'monthly':
      return `Monthly on day ${timing.dayOfMonth ?? 1}${at} (${zone})`;
    default:
      return `Cron “${timing.customCron ?? ''}” (${zone})`;
  }
}

export const PAGE_SIZE = 20;

export function useSchedules(eventId: string, filters: { frequency: string; isActive: string; page: string }) {
  const api = useApi();
  return useQuery<Page<Schedule>>({
    queryKey: ['reporting', 'schedules', eventId, filters],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.page<Schedule>('/reports/schedules', { eventId, ...filters, limit: PAGE_SIZE }, signal),
  });
}

export function useSchedule(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['reporting', 'schedule', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<Schedule>(`/reports/schedules/${id}`, undefined, signal),
  });
}

/** Run history of a schedule, polled while a run is under way. */
export function useRuns(id: string | undefined) {
  const api = useApi();
  const client = useQueryClient();
  return useQuery<ScheduleRun[]>({
    queryKey: ['reporting', 'runs', id],
    enabled: !!id,
    refetchInterval: (query) => (query.state.data?.some(isUnderWay) ? 1500 : false),
    queryFn: async ({ signal }) => {
      const runs = await api.get<ScheduleRun[]>(`/reports/schedules/${id}/runs`, undefined, signal);
      // A run that ended changed its schedule's last status: refresh the list behind the drawer.
      if (!runs.some(isUnderWay)) client.invalidateQueries({ queryKey: ['reporting', 'schedules'] });
      return runs;
    },
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['reporting'] });
}

export function useSaveSchedule() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ScheduleInput }) =>
      id ? api.put<Schedule>(`/reports/schedules/${id}`, body) : api.post<Schedule>('/reports/schedules', body),
    onSuccess: invalidate,
  });
}

export function useDeleteSchedule() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.del(`/reports/schedules/${id}`), onSuccess: invalidate });
}

export function useRunNow() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.post<ScheduleRun>(`/reports/schedules/${id}/run-now`), onSuccess: invalidate });
}

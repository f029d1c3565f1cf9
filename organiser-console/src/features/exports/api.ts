import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ConsoleContext';
import type { Page } from '../../api/http';

/** A field of a data type (`/api/export/catalog/{dataType}`). */
export interface CatalogField {
  name: string;
  label: string;
  type: 'string' | 'number' | 'date' | 'boolean' | 'list' | string;
}

export interface DataSource {
  name: string;
  dateField?: string;
  fields: CatalogField[];
}

export interface RowFilter {
  field: string;
  operator: string;
  value?: unknown;
}

export interface RowSort {
  field: string;
  direction?: 'asc' | 'desc';
}

/** Format options of an export (docs/reporting.md, Formats). */
export interface ExportOptions {
  sheetName?: string;
  includeHeaders?: boolean;
  customHeaders?: Record<string, string>;
  dateFormat?: string;
  numberFormat?: string;
  timezone?: string;
  bom?: boolean;
}

export type ExportType = 'excel' | 'csv' | 'pdf';

export interface ExportConfig {
  _id: string;
  name: string;
  description?: string;
  exportType: ExportType;
  dataType: string;
  event?: string | null;
  isGlobal?: boolean;
  fields: string[];
  filters?: RowFilter[];
  sorts?: RowSort[];
  config?: ExportOptions | null;
  createdAt?: string;
  updatedAt?: string;
}

export type ExportConfigInput = Omit<ExportConfig, '_id' | 'createdAt' | 'updatedAt'>;

export type JobStatus = 'pending' | 'processing' | 'completed' | 'failed';

/** An export job (ExportHistory). */
export interface ExportJob {
  _id: string;
  event?: string | null;
  exportConfig?: string | null;
  scheduleId?: string | null;
  name?: string;
  exportType: ExportType;
  dataType: string;
  recordCount?: number | null;
  totalRecords?: number | null;
  fileSize?: number | null;
  fileName?: string | null;
  progress?: number | null;
  status: JobStatus;
  errorMessage?: string | null;
  expiresAt?: string | null;
  expired?: boolean | null;
  createdAt?: string;
  completedAt?: string | null;
}

export interface HistoryFilters {
  status: string;
  dataType: string;
  exportType: string;
  from: string;
  to: string;
  page: string;
}

export const OPERATORS = [
  'equals',
  'notEquals',
  'contains',
  'startsWith',
  'endsWith',
  'in',
  'notIn',
  'greaterThan',
  'greaterThanOrEqual',
  'lessThan',
  'lessThanOrEqual',
  'between',
  'isNull',
  'isNotNull',
] as const;

export const EXPORT_TYPES: { value: ExportType; label: string }[] = [
  { value: 'excel', label: 'Excel (XLSX)' },
  { value: 'csv', label: 'CSV' },
  { value: 'pdf', label: 'PDF' },
];

export const PAGE_SIZE = 10;

export const isRunning = (job: Pick<ExportJob, 'status'> | undefined) =>
  job?.status === 'pending' || job?.status === 'processing';

/** Turns a typed value into what the API takes: lists for in/notIn/between, nothing for isNull/isNotNull. */
export function filterValue(operator: string, value: unknown): unknown {
  if (operator === 'isNull' || operator === 'isNotNull') return undefined;
  if (typeof value === 'string' && ['in', 'notIn', 'between'].includes(operator)) {
    return value.split(',').map((v) => v.trim()).filter(Boolean);
  }
  return value;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function useCatalog() {
  const api = useApi();
  return useQuery({
    queryKey: ['reporting', 'catalog'],
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) => api.get<DataSource[]>('/export/catalog', undefined, signal),
  });
}

/** The fields of one data type, for the field pickers. */
export function useDataSource(dataType: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['reporting', 'catalog', dataType],
    enabled: !!dataType,
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) => api.get<DataSource>(`/export/catalog/${dataType}`, undefined, signal),
  });
}

export function useExportConfigs(eventId: string, dataType: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['reporting', eventId, 'configs', dataType],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.page<ExportConfig>('/export/configs', { eventId, dataType, limit: 100, sortBy: 'createdAt:desc' }, signal),
  });
}

export function useExportConfig(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['reporting', 'config', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<ExportConfig>(`/export/configs/${id}`, undefined, signal),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['reporting'] });
}

export function useSaveConfig() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ExportConfigInput }) =>
      id ? api.put<ExportConfig>(`/export/configs/${id}`, body) : api.post<ExportConfig>('/export/configs', body),
    onSuccess: invalidate,
  });
}

export function useDeleteConfig() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.del(`/export/configs/${id}`), onSuccess: invalidate });
}

export function useGenerate(eventId: string) {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (config: ExportConfig) =>
      api.post<ExportJob>('/export/generate', { exportConfigId: config._id, event: config.event ?? eventId }),
    onSuccess: invalidate,
  });
}

/** One job, polled every second while it is pending or processing. */
export function useJob(id: string | undefined) {
  const api = useApi();
  const client = useQueryClient();
  return useQuery<ExportJob>({
    queryKey: ['reporting', 'job', id],
    enabled: !!id,
    refetchInterval: (query) => (isRunning(query.state.data) ? 1000 : false),
    queryFn: async ({ signal }) => {
      const job = await api.get<ExportJob>(`/export/status/${id}`, undefined, signal);
      if (!isRunning(job)) client.invalidateQueries({ queryKey: ['reporting', 'history'] });
      return job;
    },
  });
}

export function useHistory(eventId: string, filters: HistoryFilters) {
  const api = useApi();
  return useQuery<Page<ExportJob>>({
    queryKey: ['reporting', 'history', eventId, filters],
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some(isRunning) ? 2000 : false),
    queryFn: ({ signal }) =>
      api.page<ExportJob>(
        '/export/history',
        {
          eventId,
          status: filters.status,
          dataType: filters.dataType,
          exportType: filters.exportType,
          from: filters.from,
          to: filters.to,
          page: filters.page,
          limit: PAGE_SIZE,
          sortBy: 'createdAt:desc',
        },
        signal,
      ),
  });
}

export function useDownloadJob() {
  const api = useApi();
  return (job: ExportJob) => api.download(`/export/download/${job._id}`, job.fileName ?? `${job.dataType}.${job.exportType}`);
}

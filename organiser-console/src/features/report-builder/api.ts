import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ConsoleContext';
import type { RowFilter } from '../exports/api';

export type MetricType = 'count' | 'sum' | 'avg' | 'min' | 'max';
export type ChartType = 'bar' | 'line' | 'pie';

export interface Metric {
  type: MetricType;
  field?: string;
}

/** ONSITE ATLAS's ReportBuilder body of `POST /api/events/{eventId}/reports/preview` (docs/reporting.md). */
export interface ReportRequest {
  reportType: string;
  fields?: string[];
  filters?: RowFilter[];
  groupBy?: string[];
  metrics?: Metric[];
  sortBy?: string;
  sortDirection?: 'asc' | 'desc';
  chartType?: ChartType;
  limit?: number;
  name?: string;
}

/** The chart data the API computes: the first group field as labels, metrics or the second group as series. */
export interface ChartData {
  type: string;
  title?: string;
  labels: string[];
  series: { name: string; data: (number | null)[] }[];
}

export interface ReportMeta {
  columns: string[];
  count: number;
  truncated: boolean;
  limit: number;
  chart?: ChartData | null;
}

export interface ReportResult {
  rows: Record<string, unknown>[];
  meta: ReportMeta;
}

export interface ReportTemplate {
  id: string;
  name: string;
  description: string;
  definition: { title: string; dataType: string; groupBy: string[]; chartType?: string };
}

export interface Favorite {
  _id: string;
  kind: 'exportConfig' | 'template' | 'builder';
  targetId?: string;
  eventId?: string | null;
  name: string;
  definition?: ReportRequest;
}

/** The report's name, or what it shows. */
export function reportTitle(request: ReportRequest): string {
  if (request.name) return request.name;
  return request.groupBy?.length ? `${request.reportType} by ${request.groupBy.join(' and ')}` : request.reportType;
}

export type FileFormat = 'excel' | 'pdf' | 'csv';

export const EXTENSIONS: Record<FileFormat, string> = { excel: 'xlsx', pdf: 'pdf', csv: 'csv' };

/** The request as the API wants it: empty lists and blank options left out. */
export function cleanRequest(request: ReportRequest): ReportRequest {
  const result: ReportRequest = { reportType: request.reportType };
  if (request.fields?.length) result.fields = request.fields;
  if (request.filters?.length) result.filters = request.filters;
  if (request.groupBy?.length) result.groupBy = request.groupBy;
  if (request.groupBy?.length && request.metrics?.length)
    result.metrics = request.metrics.map((m) => (m.type === 'count' ? { type: 'count' } : m));
  if (request.sortBy) {
    result.sortBy = request.sortBy;
    result.sortDirection = request.sortDirection ?? 'asc';
  }
  if (request.chartType) result.chartType = request.chartType;
  if (request.name) result.name = request.name;
  return result;
}

export function parseRequest(text: string): ReportRequest | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text);
    return value && typeof value.reportType === 'string' ? (value as ReportRequest) : undefined;
  } catch {
    return undefined;
  }
}

function toResult(envelope: { data: unknown; meta?: Record<string, unknown> }): ReportResult {
  return { rows: (envelope.data as Record<string, unknown>[]) ?? [], meta: envelope.meta as unknown as ReportMeta };
}

export function usePreview(eventId: string, request: ReportRequest | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['reporting', 'preview', eventId, request],
    enabled: !!request,
    queryFn: async () => toResult(await api.request('POST', `/events/${eventId}/reports/preview`, { body: request })),
  });
}

export function useTemplates() {
  const api = useApi();
  return useQuery({
    queryKey: ['reporting', 'templates'],
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) => api.get<ReportTemplate[]>('/reports/templates', undefined, signal),
  });
}

export function useTemplateData(eventId: string, templateId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['reporting', 'template-data', eventId, templateId],
    enabled: !!templateId,
    queryFn: async ({ signal }) =>
      toResult(await api.request('GET', `/reports/templates/${templateId}/data`, { query: { eventId }, signal })),
  });
}

export function useFavorites(eventId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['reporting', 'favorites', eventId],
    queryFn: async ({ signal }) =>
      (await api.get<Favorite[]>('/reports/favorites', { eventId }, signal)).filter((f) => f.kind !== 'exportConfig'),
  });
}

export function useAddFavorite(eventId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (favorite: Omit<Favorite, '_id'>) => api.post<Favorite>('/reports/favorites', { ...favorite, eventId }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reporting', 'favorites', eventId] }),
  });
}

export function useRemoveFavorite(eventId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/reports/favorites/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reporting', 'favorites', eventId] }),
  });
}

/** Downloads a built report or a ready-made one as a file. */
export function useReportDownload(eventId: string) {
  const api = useApi();
  return {
    built: (request: ReportRequest, format: FileFormat) =>
      api.download('/reports/builder/file', `report.${EXTENSIONS[format]}`, { eventId, format }, request),
    template: (templateId: string, format: FileFormat) =>
      api.download(`/reports/templates/${templateId}/file`, `${templateId}.${EXTENSIONS[format]}`, { eventId, format }),
  };
}

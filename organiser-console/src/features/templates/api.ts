import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ConsoleContext';

/** The channels a template is for (`type`). */
export type Channel = 'email' | 'sms' | 'whatsapp';

export const CHANNELS: { value: Channel; label: string; color: string }[] = [
  { value: 'email', label: 'E-mail', color: 'blue' },
  { value: 'sms', label: 'SMS', color: 'green' },
  { value: 'whatsapp', label: 'WhatsApp', color: 'cyan' },
];

export const channelLabel = (type: string) => CHANNELS.find((c) => c.value === type)?.label ?? type;

/** The approved WhatsApp (Meta) template a WhatsApp template falls back to outside the 24-hour window. */
export interface WhatsAppTemplate {
  name: string;
  language?: string;
  parameters: string[];
}

/** A notification template as notification-service stores it (docs/notification.md). */
export interface Template {
  _id: string;
  name: string;
  description?: string | null;
  type: Channel;
  subject?: string | null;
  contentHtml?: string | null;
  contentText?: string | null;
  variables: string[];
  isActive: boolean;
  transactional: boolean;
  whatsapp?: WhatsAppTemplate | null;
  createdAt?: string;
  updatedAt?: string;
}

export type TemplateInput = Omit<Template, '_id' | 'createdAt' | 'updatedAt' | 'whatsapp'> & {
  whatsapp?: WhatsAppTemplate | null;
};

/** One variable of the palette, with the value previews use when no registration is chosen. */
export interface Variable {
  name: string;
  description: string;
  sample: string;
}

/** A registration the service knows for the event, to preview with. */
export interface SampleRegistration {
  _id: string;
  registrationId?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  categoryName?: string;
  status?: string;
}

/** The answer of both preview routes. */
export interface Preview {
  channel: Channel;
  subject?: string | null;
  html?: string | null;
  text?: string | null;
  variablesUsed: string[];
  unknownVariables: string[];
  missingRequired: string[];
  emptyVariables: string[];
  sms?: { characters: number; encoding: string; segments: number } | null;
  whatsapp?: { templateName: string; parameterCount: number; parameters: string[] } | null;
  dataSource: 'sample' | 'registration';
}

/** What the editor previews: the unsaved content plus the data to render it with. */
export interface PreviewRequest {
  type: Channel;
  subject?: string | null;
  contentHtml?: string | null;
  contentText?: string | null;
  variables?: string[];
  whatsapp?: WhatsAppTemplate | null;
  eventType?: string;
  registrationId?: string;
}

export interface TemplateFilters {
  channel: string;
  search: string;
  active: string;
  page: string;
}

export const PAGE_SIZE = 20;

const base = (eventId: string) => `/events/${eventId}/notification-templates`;

export function useTemplates(eventId: string, filters: TemplateFilters) {
  const api = useApi();
  return useQuery({
    queryKey: ['templates', eventId, 'list', filters],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.page<Template>(
        base(eventId),
        {
          type: filters.channel || undefined,
          search: filters.search || undefined,
          isActive: filters.active || undefined,
          page: filters.page || 1,
          limit: PAGE_SIZE,
          sortBy: 'updatedAt:desc',
        },
        signal,
      ),
  });
}

export function useTemplate(eventId: string, id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['templates', eventId, 'one', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<Template>(`${base(eventId)}/${id}`, undefined, signal),
  });
}

/** Variables per trigger event type (plus `general`). They do not change while the console runs. */
export function useVariables(eventId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['templates', eventId, 'variables'],
    staleTime: Infinity,
    queryFn: ({ signal }) => api.get<Record<string, Variable[]>>(`${base(eventId)}/variables`, undefined, signal),
  });
}

export function useSampleRegistrations(eventId: string, search: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['templates', eventId, 'samples', search],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.get<SampleRegistration[]>(`${base(eventId)}/sample-registrations`, { search: search || undefined, limit: 20 }, signal),
  });
}

/** The live preview of unsaved content; the caller debounces `request` so typing does not flood the service. */
export function usePreview(eventId: string, request: PreviewRequest | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['templates', eventId, 'preview', request],
    enabled: !!request,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 0,
    queryFn: () => api.post<Preview>(`${base(eventId)}/preview`, request),
  });
}

export function useSaveTemplate(eventId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: Partial<TemplateInput> }) =>
      id ? api.put<Template>(`${base(eventId)}/${id}`, input) : api.post<Template>(base(eventId), input),
    onSuccess: (saved) => {
      client.setQueryData(['templates', eventId, 'one', saved._id], saved);
      return client.invalidateQueries({ queryKey: ['templates', eventId, 'list'] });
    },
  });
}

export function useDeleteTemplate(eventId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`${base(eventId)}/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['templates', eventId, 'list'] }),
  });
}

/**
 * `POST {id}/test`: without an address the service uses the conference's test recipients. The service renders test
 * sends with its sample values; `data` overrides them (the editor passes the chosen preview registration's).
 */
export function useTestSend(eventId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: ({ id, email, phone, data }: { id: string; email?: string; phone?: string; data?: Record<string, string> }) =>
      api.post<{ queued: number; recipient: string }>(`${base(eventId)}/${id}/test`, {
        ...(email ? { email } : {}),
        ...(phone ? { phone } : {}),
        ...(data && Object.keys(data).length ? { data } : {}),
      }),
  });
}

/** The variables a sample registration gives a test send, so it reads like the preview. */
export function sampleData(r: SampleRegistration | undefined): Record<string, string> {
  if (!r) return {};
  const data: Record<string, string> = {};
  if (r.firstName) data.firstName = r.firstName;
  if (r.lastName) data.lastName = r.lastName;
  const full = [r.firstName, r.lastName].filter(Boolean).join(' ');
  if (full) data.participantName = full;
  if (r.registrationId) data.registrationId = r.registrationId;
  if (r.categoryName) data.categoryName = r.categoryName;
  if (r.email) data.email = r.email;
  return data;
}

export function sampleLabel(r: SampleRegistration): string {
  const name = [r.firstName, r.lastName].filter(Boolean).join(' ') || r.email || r._id;
  return [name, r.registrationId, r.categoryName].filter(Boolean).join(' · ');
}

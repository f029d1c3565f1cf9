import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ConsoleContext';

/** The per-conference channel configuration (`notification-config`); secrets come back masked (`********abcd`). */
export interface SmsCredentials {
  accountSid?: string | null;
  authToken?: string | null;
  fromNumber?: string | null;
  messagingServiceSid?: string | null;
  apiKey?: string | null;
  username?: string | null;
  sender?: string | null;
  senderId?: string | null;
  accessKeyId?: string | null;
  secretAccessKey?: string | null;
  region?: string | null;
  templateId?: string | null;
  url?: string | null;
  route?: string | null;
}

export interface NotificationConfig {
  email: {
    enabled: boolean;
    sender?: { name?: string | null; email?: string | null } | null;
    replyTo?: string | null;
    footerText?: string | null;
    smtp?: { host?: string | null; port?: number | null; secure: boolean; startTls: boolean; username?: string | null; password?: string | null } | null;
  };
  whatsapp: {
    enabled: boolean;
    provider?: 'cloud-api' | 'twilio' | null;
    phoneNumber?: string | null;
    phoneNumberId?: string | null;
    businessApiUrl?: string | null;
    apiKey?: string | null;
    webhookVerifyToken?: string | null;
    appSecret?: string | null;
    rateLimit?: number | null;
  };
  sms: { enabled: boolean; provider?: string | null; providers: Record<string, SmsCredentials>; rateLimit?: number | null };
  testMode: boolean;
  testRecipients?: { email?: string | null; phone?: string | null } | null;
  updatedAt?: string | null;
}

export type ChannelKey = 'email' | 'sms' | 'whatsapp';

/** The class of a connection test's outcome, as notification-service names it (never the remote reply). */
export type ConnectionResult =
  | 'ok'
  | 'auth-failed'
  | 'unreachable'
  | 'timeout'
  | 'tls'
  | 'refused'
  | 'rejected'
  | 'not-allowed'
  | 'not-configured'
  | 'not-supported'
  | 'failed';

export interface ConnectionCheck {
  channel: ChannelKey;
  success: boolean;
  result?: ConnectionResult;
  message: string;
}

const path = (eventId: string) => `/events/${eventId}/notification-config`;

export function useChannelConfig(eventId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['channels', eventId],
    queryFn: ({ signal }) => api.get<NotificationConfig>(path(eventId), undefined, signal),
  });
}

/** PUT of one section (`{email: {...}}`, `{testMode, testRecipients}`): absent fields and empty secrets keep their value. */
export function useSaveChannelConfig(eventId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.put<NotificationConfig>(path(eventId), body),
    onSuccess: (saved) => client.setQueryData(['channels', eventId], saved),
  });
}

/** Really connects (SMTP login, Twilio account, Meta phone number) and answers one result per channel. */
export function useTestConnection(eventId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: (channel: ChannelKey) => api.post<ConnectionCheck[]>(`${path(eventId)}/test-connection`, { channel }),
  });
}

/** Drops empty secrets (keep the stored one) and trims strings, recursively. */
export function withoutEmptySecrets<T>(value: T, secrets: readonly string[]): T {
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (secrets.includes(key) && (v === undefined || v === null || (typeof v === 'string' && v.trim() === ''))) continue;
    result[key] = typeof v === 'string' ? v.trim() : withoutEmptySecrets(v, secrets);
  }
  return result as T;
}

export const SECRET_FIELDS = ['password', 'apiKey', 'webhookVerifyToken', 'appSecret', 'authToken', 'secretAccessKey'] as const;

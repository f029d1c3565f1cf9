/**
 * The one HTTP client of the console. Every Onsite Atlas route answers the ONSITE ATLAS envelope
 * `{success, message, data, meta?}`; errors are `{success:false, message, status, errors?[{field, message}]}`.
 * A non-2xx answer becomes an {@link ApiError} carrying the message and the field errors, so forms can show each
 * on its field (see shared/forms.ts).
 */

export interface FieldError {
  field: string;
  message: string;
}

export interface Pagination {
  page: number;
  limit: number;
  total: number;
  totalPages: number;
  hasNextPage: boolean;
  hasPrevPage: boolean;
}

export interface Envelope<T> {
  success: boolean;
  message?: string;
  data: T;
  meta?: { pagination?: Pagination; [key: string]: unknown };
}

export interface Page<T> {
  items: T[];
  pagination: Pagination;
}

export class ApiError extends Error {
  readonly status: number;
  readonly fieldErrors: FieldError[];
  readonly correlationId?: string;

  constructor(status: number, message: string, fieldErrors: FieldError[] = [], correlationId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.fieldErrors = fieldErrors;
    this.correlationId = correlationId;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  get isForbidden(): boolean {
    return this.status === 403;
  }
}

export type Query = Record<string, string | number | boolean | undefined | null | string[]>;

export interface ApiOptions {
  /** Base of the API, `/api` on the gateway's origin. */
  apiBase: string;
  /** The caller's bearer token, read at each request (it may change after sign-in). */
  getToken: () => string | null | undefined;
  /** Called on every 401, after the error is raised to the caller. */
  onUnauthorized?: (error: ApiError) => void;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

export interface UploadProgress {
  loaded: number;
  total: number;
  percent: number;
}

export function toQueryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      value.filter((v) => v !== '').forEach((v) => params.append(key, v));
    } else {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function errorFrom(response: Response): Promise<ApiError> {
  let message = `${response.status} ${response.statusText || 'Request failed'}`;
  let fieldErrors: FieldError[] = [];
  let correlationId = response.headers.get('X-Correlation-Id') ?? undefined;
  try {
    const body = await response.json();
    if (body && typeof body.message === 'string' && body.message) message = body.message;
    if (body && Array.isArray(body.errors)) fieldErrors = body.errors as FieldError[];
    if (body && typeof body.correlationId === 'string') correlationId = body.correlationId;
  } catch {
    // Not JSON (a proxy's page): keep the status line.
  }
  return new ApiError(response.status, message, fieldErrors, correlationId);
}

/** Reads the file name of a download from Content-Disposition (RFC 6266, `filename*` first). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

export function createApi(options: ApiOptions) {
  const base = options.apiBase.replace(/\/+$/, '');

  function headers(extra?: Record<string, string>): Record<string, string> {
    const result: Record<string, string> = { Accept: 'application/json', ...extra };
    const token = options.getToken();
    if (token) result.Authorization = `Bearer ${token}`;
    return result;
  }

  async function fail(response: Response): Promise<never> {
    const error = await errorFrom(response);
    if (error.isUnauthorized) options.onUnauthorized?.(error);
    throw error;
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<Envelope<T>> {
    const isForm = typeof FormData !== 'undefined' && opts.body instanceof FormData;
    let response: Response;
    try {
      response = await fetch(base + path + toQueryString(opts.query), {
        method,
        headers: headers(opts.body !== undefined && !isForm ? { 'Content-Type': 'application/json' } : undefined),
        body: opts.body === undefined ? undefined : isForm ? (opts.body as FormData) : JSON.stringify(opts.body),
        signal: opts.signal,
      });
    } catch (cause) {
      if ((cause as Error)?.name === 'AbortError') throw cause;
      throw new ApiError(0, 'The server could not be reached. Check your connection and try again.');
    }
    if (!response.ok) return fail(response);
    if (response.status === 204) return { success: true, data: undefined as T };
    const text = await response.text();
    return (text ? JSON.parse(text) : { success: true, data: undefined }) as Envelope<T>;
  }

  return {
    base,
    request,
    async get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
      return (await request<T>('GET', path, { query, signal })).data;
    },
    /** A paged list: the items and `meta.pagination`. */
    async page<T>(path: string, query?: Query, signal?: AbortSignal): Promise<Page<T>> {
      const envelope = await request<T[]>('GET', path, { query, signal });
      const items = Array.isArray(envelope.data) ? envelope.data : [];
      const pagination = envelope.meta?.pagination ?? {
        page: 1,
        limit: items.length,
        total: items.length,
        totalPages: 1,
        hasNextPage: false,
        hasPrevPage: false,
      };
      return { items, pagination };
    },
    async post<T>(path: string, body?: unknown, query?: Query): Promise<T> {
      return (await request<T>('POST', path, { body, query })).data;
    },
    async put<T>(path: string, body?: unknown): Promise<T> {
      return (await request<T>('PUT', path, { body })).data;
    },
    async patch<T>(path: string, body?: unknown): Promise<T> {
      return (await request<T>('PATCH', path, { body })).data;
    },
    async del<T = unknown>(path: string): Promise<T> {
      return (await request<T>('DELETE', path)).data;
    },
    /** Multipart upload with progress (fetch has no upload progress, XMLHttpRequest has). */
    upload<T>(path: string, form: FormData, onProgress?: (progress: UploadProgress) => void): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', base + path);
        for (const [key, value] of Object.entries(headers())) xhr.setRequestHeader(key, value);
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable && onProgress) {
            onProgress({ loaded: event.loaded, total: event.total, percent: Math.round((event.loaded / event.total) * 100) });
          }
        };
        xhr.onerror = () => reject(new ApiError(0, 'The upload could not reach the server.'));
        xhr.onload = () => {
          let body: { message?: string; errors?: FieldError[]; data?: T } = {};
          try {
            body = xhr.responseText ? JSON.parse(xhr.responseText) : {};
          } catch {
            /* not JSON */
          }
          if (xhr.status >= 200 && xhr.status < 300) {
            resolve(body.data as T);
            return;
          }
          const error = new ApiError(xhr.status, body.message || `${xhr.status} Upload failed`, body.errors ?? []);
          if (error.isUnauthorized) options.onUnauthorized?.(error);
          reject(error);
        };
        xhr.send(form);
      });
    },
    /**
     * Fetches a file with the bearer token and saves it under the server's file name. With a `body`, the file is the
     * answer to a POST of that JSON (a report built from a definition).
     */
    async download(path: string, fallbackName: string, query?: Query, body?: unknown): Promise<{ fileName: string; size: number }> {
      const response = await fetch(
        base + path + toQueryString(query),
        body === undefined
          ? { headers: headers({ Accept: '*/*' }) }
          : { method: 'POST', headers: headers({ Accept: '*/*', 'Content-Type': 'application/json' }), body: JSON.stringify(body) },
      );
      if (!response.ok) return fail(response);
      const blob = await response.blob();
      const fileName = fileNameFrom(response.headers.get('Content-Disposition'), fallbackName);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { fileName, size: blob.size };
    },
  };
}

export type Api = ReturnType<typeof createApi>;

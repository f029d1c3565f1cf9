import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { QueryClient } from '@tanstack/react-query';
import { vi } from 'vitest';
import { createApi } from '../../api/http';
import { ConsoleContext, type Caller } from '../../api/ConsoleContext';
import { ConsoleProviders } from '../../shell/ConsoleProviders';

export interface Call {
  method: string;
  url: string;
  body?: unknown;
}

/**
 * Renders a notification page at `url` with the real API client over a mocked `fetch`. `routes` answers by
 * `"METHOD path"` prefix (path without `/api`, query included); an array answer gets `meta.pagination`.
 */
export function renderAt(ui: ReactElement, url: string, routes: Record<string, unknown>, caller: Partial<Caller> = {}) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = String(input).replace(/^\/api/, '');
      const method = init?.method ?? 'GET';
      calls.push({ method, url: path, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
      const key = Object.keys(routes)
        .filter((k) => `${method} ${path}`.startsWith(k))
        .sort((a, b) => b.length - a.length)[0];
      if (!key) return new Response(JSON.stringify({ success: false, message: 'Not found' }), { status: 404 });
      const data = routes[key];
      const meta = Array.isArray(data)
        ? { pagination: { page: 1, limit: 25, total: data.length, totalPages: 1, hasNextPage: false, hasPrevPage: false } }
        : undefined;
      return new Response(JSON.stringify({ success: true, data, meta }), { status: 200 });
    }),
  );
  const api = createApi({ apiBase: '/api', getToken: () => 'token' });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const result = render(
    <ConsoleProviders queryClient={client}>
      <MemoryRouter initialEntries={[url]}>
        <ConsoleContext.Provider value={{ api, caller: { kind: 'staff', role: 'admin', canWrite: true, ...caller } }}>
          {ui}
        </ConsoleContext.Provider>
      </MemoryRouter>
    </ConsoleProviders>,
  );
  return { ...result, calls };
}

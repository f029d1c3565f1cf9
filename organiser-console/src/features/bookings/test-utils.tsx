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
 * Renders a lodging component with the real API client over a mocked `fetch`: `routes` answers by
 * `"METHOD path"` prefix (path without `/api`), and every call is recorded with its parsed JSON body.
 */
export type Answer = ((call: Call) => unknown) | object | string | number | boolean | null;

export function renderWithApi(ui: ReactElement, routes: Record<string, Answer>, caller: Partial<Caller> = {}) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input).replace(/^\/api/, '');
    const method = init?.method ?? 'GET';
    const call: Call = { method, url, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined };
    calls.push(call);
    const key = Object.keys(routes)
      .filter((k) => `${method} ${url}`.startsWith(k))
      .sort((a, b) => b.length - a.length)[0];
    if (!key) return new Response(JSON.stringify({ success: false, message: 'Not found' }), { status: 404 });
    const answer = routes[key];
    const data = typeof answer === 'function' ? (answer as (c: Call) => unknown)(call) : answer;
    return new Response(JSON.stringify({ success: true, data }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  const api = createApi({ apiBase: '/api', getToken: () => 'token' });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const fullCaller: Caller = { kind: 'staff', role: 'admin', canWrite: true, ...caller };
  const result = render(
    <ConsoleProviders queryClient={client}>
      <MemoryRouter>
        <ConsoleContext.Provider value={{ api, caller: fullCaller }}>{ui}</ConsoleContext.Provider>
      </MemoryRouter>
    </ConsoleProviders>,
  );
  return { ...result, calls };
}

import type { ReactNode } from 'react';
import { configure, render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { ConsoleContext } from '../../api/ConsoleContext';
import { ConsoleProviders } from '../../shell/ConsoleProviders';
import type { Api } from '../../api/http';

// antd and Tiptap render slowly in jsdom on a busy machine: wait longer than the default second.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 40_000 });

/** A fake of the console's API client: every method a vi.fn the test answers. */
export function fakeApi() {
  return {
    base: '/api',
    request: vi.fn(),
    get: vi.fn(),
    page: vi.fn(),
    post: vi.fn(),
    put: vi.fn(),
    patch: vi.fn(),
    del: vi.fn(),
    upload: vi.fn(),
    download: vi.fn(),
  };
}

export type FakeApi = ReturnType<typeof fakeApi>;

/** Renders a page as the app does (providers, router at `url`, the caller's role), against the fake API. */
export function renderWithConsole(ui: ReactNode, api: FakeApi, { canWrite = true, url = '/' } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <ConsoleProviders queryClient={client}>
      <MemoryRouter initialEntries={[url]}>
        <ConsoleContext.Provider value={{ api: api as unknown as Api, caller: { kind: 'staff', role: canWrite ? 'admin' : 'staff', canWrite } }}>
          {ui}
        </ConsoleContext.Provider>
      </MemoryRouter>
    </ConsoleProviders>,
  );
}

import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { App } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { ConsoleContext } from '../../api/ConsoleContext';
import type { Api } from '../../api/http';

/** Renders a reporting component with a fake API client (only the methods a test gives), for unit tests. */
export function renderWithConsole(ui: ReactElement, api: Partial<Api>, { canWrite = true, url = '/' } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MemoryRouter initialEntries={[url]}>
      <QueryClientProvider client={client}>
        <ConsoleContext.Provider value={{ api: api as Api, caller: { kind: 'staff', role: canWrite ? 'admin' : 'staff', canWrite } }}>
          <App>{ui}</App>
        </ConsoleContext.Provider>
      </QueryClientProvider>
    </MemoryRouter>,
  );
}

import { useMemo, type ComponentType } from 'react';
import { MemoryRouter, useInRouterContext } from 'react-router-dom';
import { createApi } from '../api/http';
import { ConsoleContext, type Caller } from '../api/ConsoleContext';
import { ConsoleProviders } from '../shell/ConsoleProviders';
import { decodeToken } from '../auth/token';
import type { PageProps } from '../features/pageProps';

export interface EmbedProps {
  /** The conference (ONSITE ATLAS `Event._id`). */
  eventId: string;
  /** Where the gateway's `/api` is, e.g. `/api` or `https://atlas.example.org/api`. */
  apiBase: string;
  /** The bearer token to send, read at each request. */
  getToken: () => string | null | undefined;
  /** The staff user's role, if the host knows it (write actions are hidden for `staff`); defaults to read-only. */
  role?: string;
  /** Called on a 401 (the host signs the user out, as its axios interceptor does). */
  onUnauthorized?: () => void;
}

function Routed({ children }: { children: React.ReactNode }) {
  // Pages keep filters in the URL; inside a host's router they use it, alone they get a memory router.
  return useInRouterContext() ? <>{children}</> : <MemoryRouter>{children}</MemoryRouter>;
}

/** Wraps a page so it can be mounted alone with `{eventId, apiBase, getToken}`. */
export function embed(Page: ComponentType<PageProps>): ComponentType<EmbedProps> {
  function Embedded({ eventId, apiBase, getToken, role, onUnauthorized }: EmbedProps) {
    const api = useMemo(() => createApi({ apiBase, getToken, onUnauthorized }), [apiBase, getToken, onUnauthorized]);
    const claims = decodeToken(getToken());
    const caller: Caller =
      claims?.type === 'registrant'
        ? { kind: 'registrant', registrationId: claims.id, eventId, canWrite: false }
        : { kind: 'staff', role, canWrite: role === 'admin' || role === 'manager' };
    return (
      <ConsoleProviders>
        <Routed>
          <ConsoleContext.Provider value={{ api, caller }}>
            <Page eventId={eventId} />
          </ConsoleContext.Provider>
        </Routed>
      </ConsoleProviders>
    );
  }
  Embedded.displayName = `Embedded(${Page.displayName ?? Page.name})`;
  return Embedded;
}

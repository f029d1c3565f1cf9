import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { createApi } from '../api/http';
import { ConsoleContext, type Caller } from '../api/ConsoleContext';
import { clearStoredTokens, decodeToken, isExpired, storedToken } from '../auth/token';
import { canWrite, CONSOLE_ROLES } from '../auth/roles';
import { announceUnauthorized, sessionEvents } from './session';
import { Loading } from './Loading';

// Shown only when something is wrong: loaded then, not with the shell.
const ErrorState = lazy(() => import('../shared/PageStates').then((m) => ({ default: m.ErrorState })));
const Forbidden = lazy(() => import('../shared/PageStates').then((m) => ({ default: m.Forbidden })));

interface Me {
  id?: string;
  _id?: string;
  name?: string;
  email?: string;
  role?: string;
}

const API_BASE = '/api';

/**
 * The app's session: the token ONSITE ATLAS's client left in `localStorage` (same origin), or sign-in. A staff
 * token's role comes from ONSITE ATLAS (`GET /api/auth/me` through the gateway's pass-through), as the gateway
 * itself decides. Any 401 ends the session.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const location = useLocation();
  const [token, setToken] = useState(() => storedToken());
  // Why the session ended while the app was open: a 401 (expired or revoked token) shows the notice on sign-in.
  const [ended, setEnded] = useState<'expired' | 'signed-out' | null>(null);
  const claims = useMemo(() => decodeToken(token), [token]);
  const expired = !token || isExpired(claims);

  useEffect(() => {
    const end = (reason: 'expired' | 'signed-out') => () => {
      clearStoredTokens();
      setEnded(reason);
      setToken(null);
    };
    const onUnauthorized = end('expired');
    const onSignOut = end('signed-out');
    sessionEvents.addEventListener('unauthorized', onUnauthorized);
    sessionEvents.addEventListener('signout', onSignOut);
    return () => {
      sessionEvents.removeEventListener('unauthorized', onUnauthorized);
      sessionEvents.removeEventListener('signout', onSignOut);
    };
  }, []);

  const api = useMemo(
    () => createApi({ apiBase: API_BASE, getToken: () => storedToken(), onUnauthorized: announceUnauthorized }),
    [],
  );
  const isRegistrant = claims?.type === 'registrant';
  const me = useQuery({
    queryKey: ['me', token],
    enabled: !expired && !isRegistrant,
    staleTime: Infinity,
    queryFn: ({ signal }) => api.get<Me>('/auth/me', undefined, signal),
  });

  const next = encodeURIComponent(location.pathname + location.search);
  if (expired) {
    if (token) clearStoredTokens();
    const expiredNotice = (token || ended === 'expired') && ended !== 'signed-out';
    return <Navigate to={`/signin?next=${next}${expiredNotice ? '&expired=1' : ''}`} replace />;
  }
  let caller: Caller;
  if (isRegistrant) {
    caller = { kind: 'registrant', registrationId: claims?.id, eventId: claims?.eventId, canWrite: false };
  } else {
    if (me.isPending) return <Loading label="Signing you in…" fullscreen />;
    if (me.isError) {
      return (
        <div style={{ padding: 24 }}>
          <Suspense fallback={<Loading />}>
            <ErrorState error={me.error} onRetry={() => me.refetch()} />
          </Suspense>
        </div>
      );
    }
    const role = me.data?.role;
    if (!role || !CONSOLE_ROLES.has(role)) {
      return (
        <Suspense fallback={<Loading />}>
          <Forbidden
            message={`Signed in as ${me.data?.name ?? 'this user'} (${role ?? 'no role'}). The organiser console is for admins, managers and staff.`}
          />
        </Suspense>
      );
    }
    caller = { kind: 'staff', role, name: me.data?.name, email: me.data?.email, canWrite: canWrite(role) };
  }
  return (
    <ConsoleContext.Provider value={{ api, caller, linkTo: (eventId, page) => `/events/${eventId}/${page}` }}>
      {children}
    </ConsoleContext.Provider>
  );
}

import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useParams } from 'react-router-dom';
import { ConsoleProviders } from './shell/ConsoleProviders';
import { SessionGate } from './shell/SessionGate';
import { Loading } from './shell/Loading';
import { useCaller } from './api/ConsoleContext';

// Everything a route shows is its own chunk: the shell that loads at start is the router, the session and the
// providers only (the bundle budget, scripts/bundle-budget.mjs).
const SignInPage = lazy(() => import('./shell/SignInPage').then((m) => ({ default: m.SignInPage })));
const AppLayout = lazy(() => import('./shell/AppLayout').then((m) => ({ default: m.AppLayout })));
const ConferencesPage = lazy(() => import('./shell/ConferencesPage').then((m) => ({ default: m.ConferencesPage })));
const MyTripPage = lazy(() => import('./features/my-trip/MyTripPage'));
const Forbidden = lazy(() => import('./shared/PageStates').then((m) => ({ default: m.Forbidden })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** A registrant sees only their own trip; staff see the conference list. */
function Home() {
  const caller = useCaller();
  if (caller.kind === 'registrant') return <Navigate to="/my-trip" replace />;
  return (
    <Lazy>
      <ConferencesPage />
    </Lazy>
  );
}

function StaffOnly() {
  const caller = useCaller();
  if (caller.kind !== 'staff') {
    return (
      <Lazy>
        <Forbidden message="These pages are for conference staff." />
      </Lazy>
    );
  }
  return (
    <Lazy>
      <Outlet />
    </Lazy>
  );
}

function MyTrip() {
  const caller = useCaller();
  const { eventId } = useParams();
  const conference = eventId ?? caller.eventId ?? new URLSearchParams(window.location.search).get('eventId') ?? '';
  if (caller.kind !== 'registrant') {
    return (
      <Lazy>
        <Forbidden message="“My trip” is the registrant's own page." />
      </Lazy>
    );
  }
  return (
    <main style={{ maxWidth: 960, margin: '0 auto', padding: 16 }}>
      <Lazy>
        <MyTripPage eventId={conference} />
      </Lazy>
    </main>
  );
}

const router = createBrowserRouter(
  [
    {
      path: '/signin',
      element: (
        <Lazy>
          <SignInPage />
        </Lazy>
      ),
    },
    {
      element: (
        <SessionGate>
          <Outlet />
        </SessionGate>
      ),
      children: [
        { index: true, element: <Home /> },
        { path: 'my-trip', element: <MyTrip /> },
        {
          element: <StaffOnly />,
          children: [
            { path: 'events/:eventId', element: <Navigate to="templates" replace /> },
            { path: 'events/:eventId/:page', element: <AppLayout /> },
          ],
        },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ],
  { basename: '/console' },
);

export function App() {
  return (
    <ConsoleProviders>
      <RouterProvider router={router} />
    </ConsoleProviders>
  );
}

import { Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useParams } from 'react-router-dom';
import { Skeleton } from 'antd';
import { ConsoleProviders } from './shell/ConsoleProviders';
import { SessionGate } from './shell/SessionGate';
import { SignInPage } from './shell/SignInPage';
import { AppLayout } from './shell/AppLayout';
import { ConferencesPage } from './shell/ConferencesPage';
import { useCaller } from './api/ConsoleContext';
import { MY_TRIP_PAGE } from './features/pages';
import { Forbidden } from './shared/PageStates';

/** A registrant sees only their own trip; staff see the conference list. */
function Home() {
  const caller = useCaller();
  if (caller.kind === 'registrant') return <Navigate to="/my-trip" replace />;
  return <ConferencesPage />;
}

function StaffOnly() {
  const caller = useCaller();
  if (caller.kind !== 'staff') return <Forbidden message="These pages are for conference staff." />;
  return <Outlet />;
}

function MyTrip() {
  const caller = useCaller();
  const { eventId } = useParams();
  const MyTripPage = MY_TRIP_PAGE;
  const conference = eventId ?? caller.eventId ?? new URLSearchParams(window.location.search).get('eventId') ?? '';
  if (caller.kind !== 'registrant') return <Forbidden message="“My trip” is the registrant's own page." />;
  return (
    <main style={{ maxWidth: 960, margin: '0 auto', padding: 16 }}>
      <Suspense fallback={<Skeleton active />}>
        <MyTripPage eventId={conference} />
      </Suspense>
    </main>
  );
}

const router = createBrowserRouter(
  [
    { path: '/signin', element: <SignInPage /> },
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

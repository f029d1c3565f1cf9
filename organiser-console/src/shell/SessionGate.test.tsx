import { render, screen, act } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsoleProviders } from './ConsoleProviders';
import { SessionGate } from './SessionGate';
import { announceSignOut, announceUnauthorized } from './session';
import { useCaller } from '../api/ConsoleContext';

function jwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.signature`;
}

function SignIn() {
  const location = useLocation();
  return <p>sign-in {location.search}</p>;
}

function Who() {
  const caller = useCaller();
  return <p>{`${caller.name} ${caller.role} ${caller.canWrite ? 'writes' : 'reads'}`}</p>;
}

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/signin', element: <SignIn /> },
      { path: '*', element: <SessionGate><Who /></SessionGate> },
    ],
    { initialEntries: [path] },
  );
  return render(
    <ConsoleProviders>
      <RouterProvider router={router} />
    </ConsoleProviders>,
  );
}

function answerMe(status: number, data?: Record<string, unknown>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(status === 200 ? { success: true, data } : { success: false, message: 'Not authorized' }), { status })),
  );
}

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('SessionGate', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('sends a visitor without a token to sign-in, keeping where they were going', async () => {
    renderAt('/events/e1/hotels');
    expect(await screen.findByText('sign-in ?next=%2Fevents%2Fe1%2Fhotels')).toBeInTheDocument();
  });

  it('sends an expired token to sign-in with the session-expired flag and forgets it', async () => {
    localStorage.setItem('token', jwt({ id: 'a1', exp: Math.floor(Date.now() / 1000) - 60 }));
    renderAt('/events/e1/hotels');
    expect(await screen.findByText(/sign-in \?next=.*&expired=1/)).toBeInTheDocument();
    expect(localStorage.getItem('token')).toBeNull();
  });

  it('asks ONSITE ATLAS for the role: staff read, admins write', async () => {
    localStorage.setItem('token', jwt({ id: 'a3', exp: inAnHour() }));
    answerMe(200, { name: 'Sanjay Staff', role: 'staff' });
    renderAt('/');
    expect(await screen.findByText('Sanjay Staff staff reads')).toBeInTheDocument();
  });

  it('refuses a staff role the console is not for', async () => {
    localStorage.setItem('token', jwt({ id: 'a4', exp: inAnHour() }));
    answerMe(200, { name: 'Ravi Reviewer', role: 'reviewer' });
    renderAt('/');
    expect(await screen.findByText('Your role cannot do this')).toBeInTheDocument();
    expect(screen.getByText(/Ravi Reviewer \(reviewer\)/)).toBeInTheDocument();
  });

  it('ends the session on a 401 with the notice, and on sign-out without it', async () => {
    localStorage.setItem('token', jwt({ id: 'a1', exp: inAnHour() }));
    answerMe(200, { name: 'Aarav Admin', role: 'admin' });
    const first = renderAt('/events/e1/templates');
    expect(await screen.findByText('Aarav Admin admin writes')).toBeInTheDocument();
    act(() => announceUnauthorized());
    expect(await screen.findByText(/sign-in \?next=.*&expired=1/)).toBeInTheDocument();
    expect(localStorage.getItem('token')).toBeNull();
    first.unmount();

    localStorage.setItem('token', jwt({ id: 'a1', exp: inAnHour() }));
    renderAt('/events/e1/templates');
    expect(await screen.findByText('Aarav Admin admin writes')).toBeInTheDocument();
    act(() => announceSignOut());
    const signIn = await screen.findByText(/sign-in \?next=/);
    expect(signIn.textContent).not.toContain('expired');
  });
});

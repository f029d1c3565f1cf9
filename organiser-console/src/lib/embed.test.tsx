import { render, screen, waitFor } from '@testing-library/react';
import { useApi, useCaller } from '../api/ConsoleContext';
import { useQuery } from '@tanstack/react-query';
import { embed } from './embed';
import type { PageProps } from '../features/pageProps';

function Probe({ eventId }: PageProps) {
  const api = useApi();
  const caller = useCaller();
  const hotels = useQuery({ queryKey: ['probe', eventId], queryFn: () => api.get<{ name: string }[]>(`/events/${eventId}/hotels`) });
  return (
    <div>
      <span>{caller.canWrite ? 'writer' : 'reader'}</span>
      <span>{caller.kind}</span>
      <span>{hotels.data?.map((h) => h.name).join(',') ?? 'loading'}</span>
    </div>
  );
}

const Embedded = embed(Probe);

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('embed (the library build)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('calls the host API base with the host token and passes the role on', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse({ success: true, data: [{ name: 'होटल कावेरी' }] }));
    render(<Embedded eventId="65f0a0000000000000000001" apiBase="https://atlas.example.org/api/" getToken={() => 'host-token'} role="manager" />);
    expect(await screen.findByText('होटल कावेरी')).toBeInTheDocument();
    expect(screen.getByText('writer')).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('https://atlas.example.org/api/events/65f0a0000000000000000001/hotels');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer host-token');
  });

  it('is read-only for a staff role or no role, and a registrant for a registrant token', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse({ success: true, data: [] }));
    const payload = btoa(JSON.stringify({ id: '65f0a0000000000000000101', type: 'registrant' })).replace(/=+$/, '');
    const { unmount } = render(<Embedded eventId="e1" apiBase="/api" getToken={() => 'x'} role="staff" />);
    expect(screen.getByText('reader')).toBeInTheDocument();
    unmount();
    render(<Embedded eventId="e1" apiBase="/api" getToken={() => `h.${payload}.s`} />);
    expect(screen.getByText('registrant')).toBeInTheDocument();
  });

  it('tells the host about a 401', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse({ success: false, message: 'Not authorized, token expired' }, 401));
    const onUnauthorized = vi.fn();
    render(<Embedded eventId="e1" apiBase="/api" getToken={() => 'old'} role="admin" onUnauthorized={onUnauthorized} />);
    await waitFor(() => expect(onUnauthorized).toHaveBeenCalledTimes(1));
  });
});

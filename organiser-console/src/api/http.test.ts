import { ApiError, createApi, fileNameFrom, toQueryString } from './http';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('the HTTP client', () => {
  afterEach(() => vi.restoreAllMocks());

  it('turns an error envelope into an ApiError with its field errors', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      jsonResponse({ success: false, status: 400, message: 'Validation failed', errors: [{ field: 'roomTypes[0].priceCents', message: 'must be ≥ 0' }] }, 400),
    );
    const api = createApi({ apiBase: '/api', getToken: () => 't' });
    const error = (await api.post("/events/e/hotels", { name: "x" }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('Validation failed');
    expect(error.fieldErrors).toEqual([{ field: 'roomTypes[0].priceCents', message: 'must be ≥ 0' }]);
  });

  it('reads pages with their pagination and calls onUnauthorized on a 401 only', async () => {
    const onUnauthorized = vi.fn();
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(jsonResponse({ success: true, data: [{ a: 1 }], meta: { pagination: { page: 2, limit: 1, total: 5, totalPages: 5, hasNextPage: true, hasPrevPage: true } } }))
      .mockResolvedValueOnce(jsonResponse({ success: false, message: 'Forbidden' }, 403))
      .mockResolvedValueOnce(jsonResponse({ success: false, message: 'expired' }, 401));
    const api = createApi({ apiBase: '/api/', getToken: () => null, onUnauthorized });
    const page = await api.page('/x', { page: 2, limit: 1, status: '', tags: ['a', 'b'] });
    expect(page.items).toEqual([{ a: 1 }]);
    expect(page.pagination.total).toBe(5);
    expect(fetchMock.mock.calls[0][0]).toBe('/api/x?page=2&limit=1&tags=a&tags=b');
    await expect(api.get('/y')).rejects.toMatchObject({ status: 403 });
    expect(onUnauthorized).not.toHaveBeenCalled();
    await expect(api.get('/z')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('says the server could not be reached instead of a TypeError', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    const api = createApi({ apiBase: '/api', getToken: () => null });
    await expect(api.get('/x')).rejects.toMatchObject({ status: 0, message: expect.stringMatching(/could not be reached/) });
  });

  it('names downloads from Content-Disposition, filename* first', () => {
    expect(fileNameFrom("attachment; filename=\"r.xlsx\"; filename*=UTF-8''%E0%A4%B0%E0%A4%BF.xlsx", 'x')).toBe('रि.xlsx');
    expect(fileNameFrom('attachment; filename="rooming.csv"', 'x')).toBe('rooming.csv');
    expect(fileNameFrom(null, 'fallback.pdf')).toBe('fallback.pdf');
    expect(toQueryString({ a: undefined, b: null, c: '' })).toBe('');
  });
});

/**
 * The tokens ONSITE ATLAS issues (HS256 JWTs, see the contract's §1.2), read without verifying: the gateway verifies
 * them; the console only needs to know who it is talking for and when the token expires.
 */

export interface TokenClaims {
  id?: string;
  type?: string;
  role?: string;
  eventId?: string;
  exp?: number;
}

/** Where the ONSITE ATLAS client keeps its tokens: staff first, then the registrant portal's two keys. */
export const STAFF_TOKEN_KEY = 'token';
export const REGISTRANT_TOKEN_KEYS = ['atlas_registrant_token', 'registrantToken'];

export function decodeToken(token: string | null | undefined): TokenClaims | null {
  if (!token) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as TokenClaims;
  } catch {
    return null;
  }
}

export function isExpired(claims: TokenClaims | null, nowMs = Date.now()): boolean {
  return !claims || (typeof claims.exp === 'number' && claims.exp * 1000 <= nowMs);
}

export function storedToken(): string | null {
  const staff = localStorage.getItem(STAFF_TOKEN_KEY);
  if (staff) return staff;
  for (const key of REGISTRANT_TOKEN_KEYS) {
    const value = localStorage.getItem(key);
    if (value) return value;
  }
  return null;
}

export function storeStaffToken(token: string, user?: unknown): void {
  localStorage.setItem(STAFF_TOKEN_KEY, token);
  if (user) localStorage.setItem('user', JSON.stringify(user));
}

export function clearStoredTokens(): void {
  localStorage.removeItem(STAFF_TOKEN_KEY);
  localStorage.removeItem('user');
  REGISTRANT_TOKEN_KEYS.forEach((key) => localStorage.removeItem(key));
}

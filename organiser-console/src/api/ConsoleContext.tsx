import { createContext, useContext } from 'react';
import type { Api } from './http';
import type { CallerKind } from '../auth/roles';

/** Who is using the console, as far as the pages need to know. */
export interface Caller {
  kind: CallerKind;
  /** Staff role from ONSITE ATLAS (`/api/auth/me`), absent for registrants. */
  role?: string;
  name?: string;
  email?: string;
  /** The registration a registrant token stands for. */
  registrationId?: string;
  /** The conference a registrant token is bound to, when it says. */
  eventId?: string;
  canWrite: boolean;
}

export interface ConsoleContextValue {
  api: Api;
  caller: Caller;
  /**
   * Builds the in-app link to another page of the same conference (`templates`, `bookings?status=pending`), or
   * undefined where the page is mounted alone (library mode), so cross-page links hide themselves.
   */
  linkTo?: (eventId: string, page: string) => string;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside <ConsoleContext.Provider>');
  return value;
}

export function useApi(): Api {
  return useConsole().api;
}

export function useCaller(): Caller {
  return useConsole().caller;
}

export function useCanWrite(): boolean {
  return useConsole().caller.canWrite;
}

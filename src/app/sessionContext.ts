import { createContext, useContext } from 'react';
import type { Session } from '../streams/session.ts';

export const SessionContext = createContext<Session | null>(null);

/** The logged-in session; only panels inside the workspace call this. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a logged-in workspace');
  return session;
}

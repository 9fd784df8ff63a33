/** The session (session.ts) for components: re-rendered when it changes. */
import { useSyncExternalStore } from 'react';
import { type SessionState, session } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

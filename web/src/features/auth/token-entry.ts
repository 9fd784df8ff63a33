/**
 * TEMPORARY, development and test builds only — to be removed once the sign-in API is on main.
 * `/#token=<jwt>` (optionally `&next=/path`) starts a session with a token minted by
 * `npm run token` or by the e2e harness, since there is no password sign-in to use yet. The
 * fragment never reaches the server and is wiped from the address bar at once. `__TOKEN_ENTRY__`
 * is false in `vite build --mode production` (`npm run deploy`), so this code is not in a
 * deployed console.
 */
import { secondsLeft } from '../../lib/api/session';

export interface TokenEntry {
  token: string;
  expiresIn: number;
  next: string;
}

export function readTokenEntry(location: Location, history: History): TokenEntry | undefined {
  if (!__TOKEN_ENTRY__ || !location.hash.startsWith('#token=')) return undefined;
  const params = new URLSearchParams(location.hash.slice(1));
  const asked = params.get('next') ?? `${location.pathname}${location.search}`;
  const next = asked.startsWith('/') && !asked.startsWith('//') ? asked : '/';
  // The page to show replaces the address before the router reads it; the token leaves the address bar.
  history.replaceState(null, '', next);
  const token = params.get('token') ?? '';
  return { token, expiresIn: secondsLeft(token), next };
}

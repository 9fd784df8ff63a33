/**
 * How a page load finds its session: the development token entry (test and dev builds), else a
 * silent renewal through the refresh cookie, else signed out.
 */
import { renewSession, startSession } from '../../lib/api/client';
import { session } from '../../lib/api/session';
import { readTokenEntry } from './token-entry';

/** Runs before the router is made, so that the router starts on the page the token entry asked for. */
export function bootSession(): void {
  const entry = readTokenEntry(window.location, window.history);
  if (entry) {
    // An expired token is kept as it is: the first call answers 401 and the session ends as expired.
    if (entry.expiresIn > 0) startSession(entry.token, entry.expiresIn);
    else session.signIn(entry.token, 0);
    return;
  }
  void renewSession().then((renewed) => {
    if (!renewed) session.signOut('none');
  });
}

/**
 * How a page load finds its session: the development token entry (test and dev builds), else a
 * silent renewal through the refresh cookie, else signed out.
 */
import { renewSession, startSession } from '../../lib/api/client';
import { session } from '../../lib/api/session';
import { readTokenEntry } from './token-entry';

/** Answers where to go next when the token entry asked for a page. */
export async function bootSession(): Promise<string | undefined> {
  const entry = readTokenEntry(window.location, window.history);
  if (entry) {
    if (entry.expiresIn > 0) startSession(entry.token, entry.expiresIn);
    else session.signIn(entry.token, 0);
    return entry.next;
  }
  if (!(await renewSession())) session.signOut('none');
  return undefined;
}

/** How a page load finds its session: a silent renewal through the refresh cookie, else signed out. */
import { renewSession } from '../../lib/api/client';
import { session } from '../../lib/api/session';

export function bootSession(): void {
  void renewSession().then((renewed) => {
    if (!renewed) session.signOut('none');
  });
}

/**
 * The console's entry, kept small: the session's renewal and the first screen's reads start here
 * while the browser still fetches the app (`start.tsx`, preloaded from index.html). The app is
 * evaluated and rendered once the renewal has answered and those reads have settled (1.5 s at most
 * after the renewal: features/auth/boot.ts): on a slow phone that takes seconds of the only thread,
 * which would otherwise hold up the renewal's answer and every read behind it, and the screen is
 * rendered once with its data rather than once per answer. A renewal that hangs holds the app up
 * for 3 s at most. English, when it is the remembered choice, is fetched meanwhile.
 */
import { bootSession } from '../features/auth/boot';
import { loadLanguage, storedLanguage } from '../i18n/choice';
import { createQueryClient } from '../lib/api/query-client';

const queryClient = createQueryClient();
const booted = bootSession(queryClient, location.pathname);
const language = loadLanguage(storedLanguage());
void Promise.race([booted, new Promise((resolve) => setTimeout(resolve, 3000))])
  .then(() => language)
  .then(() => import('./start'))
  .then(({ start }) => start(queryClient));

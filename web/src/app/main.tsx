/**
 * The console's entry, kept small: the session's renewal and the first screen's reads start here
 * while the browser still fetches the app (`start.tsx`, preloaded from index.html). The app's code
 * is evaluated once those reads have left, while they are on their way: on a slow phone evaluating
 * it is a long task of the only thread, which would otherwise hold up the renewal's answer and the
 * reads behind it. The app renders once the reads have settled (1.5 s at most after they left:
 * features/auth/boot.ts), so the screen is rendered once with its data rather than once per answer.
 * A renewal that hangs holds the app up for 3 s at most. English, when it is the remembered choice,
 * is fetched meanwhile.
 */
import { bootSession } from '../features/auth/boot';
import { loadLanguage, storedLanguage } from '../i18n/choice';
import { createQueryClient } from '../lib/api/query-client';

const queryClient = createQueryClient();
const boot = bootSession(queryClient, location.pathname);
const language = loadLanguage(storedLanguage());
const hung = new Promise((resolve) => setTimeout(resolve, 3000));
const app = Promise.race([boot.started, hung])
  .then(() => import('./start'))
  .then((evaluated) => {
    performance.mark('bangkom:app-evaluated');
    return evaluated;
  });
const settled = Promise.race([boot.settled, hung]).then(() => performance.mark('bangkom:reads-settled'));
void Promise.all([app, settled, language]).then(([{ start }]) => start(queryClient));

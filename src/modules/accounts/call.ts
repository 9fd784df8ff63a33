/** The sign-in call of a request: its bindings, meter, request id, client address and time. */
import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { clientAddress } from '../../platform/http/rate-limit';
import type { AuthCall } from './realm';

export const authCall = (c: Context<AppEnv>): AuthCall => ({
  env: c.env,
  meter: c.get('meter'),
  requestId: c.get('requestId'),
  address: clientAddress(c),
  now: new Date(),
});

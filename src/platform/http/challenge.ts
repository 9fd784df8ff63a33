/**
 * A human check on public forms: Cloudflare Turnstile, verified on the server. It is on when both
 * `TURNSTILE_SITE_KEY` (a variable: the widget's public key, handed to the form) and
 * `TURNSTILE_SECRET_KEY` (a secret) are set — in production; locally and in the tests neither is,
 * and no check is made, so nothing calls the network. A token that Turnstile does not confirm, or
 * no answer from it at all, refuses the request (fail closed).
 * https://developers.cloudflare.com/turnstile/get-started/server-side-validation/
 */
import type { Bindings } from '../../env';
import { DomainError } from '../errors';

const siteverify = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

export interface Challenge {
  provider: 'turnstile';
  siteKey: string;
}

/** The challenge a form must pass, or null when none is configured. */
export function challengeOf(env: Pick<Bindings, 'TURNSTILE_SITE_KEY' | 'TURNSTILE_SECRET_KEY'>): Challenge | null {
  return env.TURNSTILE_SITE_KEY && env.TURNSTILE_SECRET_KEY ? { provider: 'turnstile', siteKey: env.TURNSTILE_SITE_KEY } : null;
}

const refused = () => new DomainError('forbidden', 'The anti-robot check was not passed; reload the page and try again.');

/**
 * Passes when no challenge is configured, or when Turnstile confirms `token` for `address`.
 * `fetcher` is the network (the global fetch); tests hand in their own.
 */
export async function passChallenge(
  env: Pick<Bindings, 'TURNSTILE_SITE_KEY' | 'TURNSTILE_SECRET_KEY'>,
  token: string | undefined,
  address: string,
  fetcher: typeof fetch = (input, init) => fetch(input, init),
): Promise<void> {
  if (!challengeOf(env)) return;
  if (!token) throw refused();
  const form = new FormData();
  form.set('secret', env.TURNSTILE_SECRET_KEY as string);
  form.set('response', token);
  if (address !== 'unknown') form.set('remoteip', address);
  let outcome: unknown;
  try {
    const res = await fetcher(siteverify, { method: 'POST', body: form });
    outcome = res.ok ? await res.json() : undefined;
  } catch {
    outcome = undefined;
  }
  if (typeof outcome !== 'object' || outcome === null || (outcome as { success?: unknown }).success !== true) throw refused();
}

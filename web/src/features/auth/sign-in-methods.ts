/**
 * How a region's people may sign in (`GET /api/v1/auth/methods?tenant={slug}`: an unknown region
 * answers as one without single sign-on), and what the single sign-on callback says when it sends
 * the browser back to `/masuk?sso=…`. The start address is followed as a page navigation (the
 * start sets a cookie for this browser), never fetched.
 */
import { useQuery } from '@tanstack/react-query';
import type { MessageKey } from '../../i18n';
import { api } from '../../lib/api/client';
import { ApiProblem } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

type SignInMethods = components['schemas']['SignInMethods'];

const noSso: SignInMethods = { password: true, sso: null };

/** A region code as the API accepts it: lower-case letters, digits and "-", 2–40 characters, starting with a letter. */
const isRegionSlug = (value: string): boolean => /^[a-z][a-z0-9-]{1,39}$/.test(value);

async function fetchSignInMethods(tenant: string): Promise<SignInMethods> {
  const { data, response } = await api.GET('/api/v1/auth/methods', { params: { query: { tenant } } });
  if (response.status === 404) return noSso;
  if (!data) throw new ApiProblem(response.status, undefined);
  const startUrl = data.sso?.startUrl;
  return { password: data.password, sso: typeof startUrl === 'string' && isWebAddress(startUrl) ? { startUrl } : null };
}

/** Only an http(s) address is followed (never `javascript:` or the like). */
function isWebAddress(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url, globalThis.location.origin).protocol);
  } catch {
    return false;
  }
}

export function useSignInMethods(tenant: string) {
  return useQuery({
    queryKey: ['auth-methods', tenant],
    queryFn: () => fetchSignInMethods(tenant),
    enabled: isRegionSlug(tenant),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Why the single sign-on callback failed (`/masuk?sso=gagal&alasan=…`), in the user's words. */
const ssoReasons: Record<string, MessageKey> = {
  state: 'sso.reason.state',
  nonce: 'sso.reason.nonce',
  pkce: 'sso.reason.pkce',
  token: 'sso.reason.token',
  akun: 'sso.reason.akun',
  konfigurasi: 'sso.reason.konfigurasi',
};

export const ssoReason = (reason: string | null): MessageKey => (reason && ssoReasons[reason]) || 'sso.reason.unknown';

/** The page to come back to after the identity provider, kept across its round trip (this tab only). */
const nextKey = 'bangkom.sso-next';
export const rememberSsoNext = (next: string): void => sessionStorage.setItem(nextKey, next);
export const readSsoNext = (): string | null => sessionStorage.getItem(nextKey);

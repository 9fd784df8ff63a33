/**
 * Signed unsubscribe links: every e-mail carries `…/api/v1/berhenti-langganan?token=…` (in its text,
 * its HTML and its `List-Unsubscribe` header, with `List-Unsubscribe-Post` for RFC 8058's one-click
 * POST). The token names the region, the employee and the kind (`semua`: every kind, for the daily
 * digest) and is signed with HMAC-SHA-256 under `UNSUBSCRIBE_SECRET` (or, where that secret is not
 * set, a key derived from `AUTH_SIGNING_KEYS`). It never expires: a link in an old message still
 * works. GET shows a small Indonesian page asking to confirm; POST sets the kind to `tidak`. A token
 * altered in any character is a 400 and changes nothing; a valid token whose person no longer
 * exists is a 404.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { eq } from 'drizzle-orm';
import { employees } from '../../db/schema';
import { type NotificationKind, notificationKinds } from '../../db/schema/notifications';
import type { Bindings } from '../../env';
import type { Principal } from '../../platform/auth/principal';
import { type TenantContext, tenantContext } from '../../platform/context';
import type { CostMeter } from '../../platform/db/metered-d1';
import { DomainError, notFound } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { findTenant } from '../../platform/tenancy/directory';
import { preferenceStatement } from './preferences';
import { kindLabel } from './templates';

/** What a link turns off: one kind, or every kind (`semua`, the digest's link). */
export type Subscription = NotificationKind | 'semua';

const encoder = new TextEncoder();
const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
const fromB64url = (text: string): Uint8Array | undefined => {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    return Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (ch) => ch.charCodeAt(0));
  } catch {
    return undefined;
  }
};

function keyOf(env: Pick<Bindings, 'UNSUBSCRIBE_SECRET' | 'AUTH_SIGNING_KEYS'>): Uint8Array {
  const secret = env.UNSUBSCRIBE_SECRET ?? (env.AUTH_SIGNING_KEYS ? `derived:${env.AUTH_SIGNING_KEYS}` : undefined);
  if (!secret) throw new Error('No UNSUBSCRIBE_SECRET (nor AUTH_SIGNING_KEYS) to sign unsubscribe links with.');
  return sha256(encoder.encode(`bangkom-unsubscribe\n${secret}`));
}

const mac = (env: Pick<Bindings, 'UNSUBSCRIBE_SECRET' | 'AUTH_SIGNING_KEYS'>, payload: Uint8Array) => hmac(sha256, keyOf(env), payload);

/** The token of a link: `<payload>.<signature>`, both base64url; the payload is `v1|<region>|<employee>|<kind>`. */
export function unsubscribeToken(
  env: Pick<Bindings, 'UNSUBSCRIBE_SECRET' | 'AUTH_SIGNING_KEYS'>,
  p: { tenant: string; employeeId: string; kind: Subscription },
): string {
  const payload = encoder.encode(['v1', p.tenant, p.employeeId, p.kind].join('|'));
  return `${b64url(payload)}.${b64url(mac(env, payload))}`;
}

const invalid = () => new DomainError('bad_request', 'This unsubscribe link is not valid.', [{ path: 'query.token', message: 'invalid' }]);

/** The link's region, person and kind, when its signature holds; a 400 otherwise. */
function verified(env: Bindings, token: string) {
  const [payloadText, signatureText, ...rest] = token.split('.');
  const payload = fromB64url(payloadText ?? '');
  const signature = fromB64url(signatureText ?? '');
  if (!payload || !signature || rest.length > 0) throw invalid();
  const expected = mac(env, payload);
  let diff = expected.length ^ signature.length;
  for (let i = 0; i < expected.length; i++) diff |= (expected[i] ?? 0) ^ (signature[i] ?? 0);
  if (diff !== 0) throw invalid();
  const [version, tenant, employeeId, kind] = new TextDecoder().decode(payload).split('|');
  if (version !== 'v1' || !tenant || !employeeId || !(kind === 'semua' || (notificationKinds as readonly string[]).includes(kind ?? ''))) {
    throw invalid();
  }
  return { tenant, employeeId, kind: kind as Subscription };
}

export interface PublicCall {
  env: Bindings;
  meter: CostMeter;
  requestId: string;
}

/** Whoever follows a link: nobody signed in, and no role. */
const reader: Principal = { subject: 'berhenti-langganan', roles: [], scopes: [] };

interface Resolved {
  ctx: TenantContext;
  employeeId: string;
  kind: Subscription;
}

async function resolve(call: PublicCall, token: string): Promise<Resolved> {
  const link = verified(call.env, token);
  const tenant = await findTenant(call.env, call.meter, link.tenant);
  if (!tenant) throw notFound('subscription');
  const ctx = tenantContext(call.env, call.meter, tenant, reader, call.requestId);
  const [person] = await ctx.db.select({ id: employees.id }).from(employees).where(eq(employees.id, link.employeeId)).limit(1);
  if (!person) throw notFound('subscription');
  return { ctx, employeeId: link.employeeId, kind: link.kind };
}

const escapeHtml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const what = (kind: Subscription) => (kind === 'semua' ? 'semua e-mail pemberitahuan' : `e-mail pemberitahuan “${kindLabel(kind)}”`);

const page = (title: string, body: string) =>
  `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
  `<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1b1e}button{font:inherit;padding:.5rem 1rem;border-radius:.375rem;border:0;background:#1971c2;color:#fff}</style>` +
  `</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;

/** GET: what the link would turn off, and a button that confirms it (a POST to the same address). */
export async function confirmationPage(call: PublicCall, token: string): Promise<string> {
  const { ctx, kind } = await resolve(call, token);
  return page(
    'Berhenti berlangganan',
    `<p>Hentikan ${escapeHtml(what(kind))} dari Bangkom (${escapeHtml(ctx.tenant.name)})? Pemberitahuan tetap ada di kotak masuk Bangkom.</p>` +
      `<form method="post" action="?token=${encodeURIComponent(token)}"><button type="submit">Ya, berhenti berlangganan</button></form>`,
  );
}

/** POST (the page's button, or a mail client's one-click): the kind, or every kind, becomes `tidak`. */
export async function unsubscribe(call: PublicCall, token: string): Promise<string> {
  const { ctx, employeeId, kind } = await resolve(call, token);
  const now = nowIso();
  const kinds = kind === 'semua' ? notificationKinds : [kind];
  await ctx.db.write(kinds.map((k) => preferenceStatement(ctx, employeeId, k, 'tidak', now)));
  return page(
    'Anda telah berhenti berlangganan',
    `<p>Anda tidak akan lagi menerima ${escapeHtml(what(kind))} dari Bangkom (${escapeHtml(ctx.tenant.name)}). Pemberitahuan tetap ada di kotak masuk Bangkom, dan Anda dapat mengaturnya kembali di halaman Akun.</p>`,
  );
}

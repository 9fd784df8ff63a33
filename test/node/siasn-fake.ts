/**
 * A test double of BKN's SIASN web service, run in Node and bound to the Worker as the service
 * binding `SIASN` (vitest.config.ts), so the sync's requests reach it and never the network. It
 * checks every request against the documented shapes (src/modules/learning/siasn-shapes.ts) and
 * the accounts of test/support/siasn-regions.ts, answers the way SIASN does, and records what it
 * received per account; the tests read that record at `GET /__received?account=<username>`
 * through the same binding (and clear it with `POST /__reset?account=…`).
 *
 * Like SIASN: the SSO token for the operator account (password grant), the API-Manager token for
 * the consumer key (client credentials, HTTP Basic); `kursus/save` and `upload-dok-rw` need both
 * tokens of one account; an unknown PNS is refused with `success: false`; `lostAnswerPns` is saved
 * and then answered with a 504, as a gateway that timed out after the save.
 */
import {
  siasnApimTokenForm,
  siasnKursusDocumentRef,
  siasnKursusSave,
  siasnSsoTokenForm,
  siasnUploadRiwayatFields,
} from '../../src/modules/learning/siasn-shapes';
import { knownPns, lostAnswerPns, siasnRegions, siasnUrls } from '../support/siasn-regions';

type Account = (typeof siasnRegions)[number];

interface Received {
  tokens: { kind: 'sso' | 'apim'; form: Record<string, string> }[];
  saves: { body: unknown; answered: string }[];
  uploads: { fields: Record<string, string>; filename: string; type: string; bytes: number; pdf: boolean }[];
  refused: { path: string; status: number; reason: string }[];
}

const received = new Map<string, Received>();
const riwayat = new Map<string, string>(); // riwayat id → account username
const ssoTokens = new Map<string, string>(); // token → username
const apimTokens = new Map<string, string>(); // token → consumer key
let counter = 0;

const log = (account: Account): Received => {
  let r = received.get(account.username);
  if (!r) {
    r = { tokens: [], saves: [], uploads: [], refused: [] };
    received.set(account.username, r);
  }
  return r;
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const pathOf = (url: string) => new URL(url).pathname;

async function token(request: Request, kind: 'sso' | 'apim'): Promise<Response> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded'))
    return json(415, { error: 'form expected' });
  const form = Object.fromEntries(new URLSearchParams(await request.text()));
  if (kind === 'sso') {
    const parsed = siasnSsoTokenForm.safeParse(form);
    const account = parsed.success
      ? siasnRegions.find((a) => a.clientId === form.client_id && a.username === form.username && a.password === form.password)
      : undefined;
    if (!account) return json(401, { error: 'invalid_grant' });
    log(account).tokens.push({ kind, form });
    const t = `sso-${++counter}`;
    ssoTokens.set(t, account.username);
    return json(200, { access_token: t, expires_in: 3600, token_type: 'Bearer' });
  }
  const basic = (request.headers.get('authorization') ?? '').replace(/^Basic /, '');
  const [key, secret] = atob(basic).split(':');
  const account = siasnApimTokenForm.safeParse(form).success
    ? siasnRegions.find((a) => a.consumerKey === key && a.consumerSecret === secret)
    : undefined;
  if (!account) return json(401, { error: 'invalid_client' });
  log(account).tokens.push({ kind, form });
  const t = `apim-${++counter}`;
  apimTokens.set(t, account.consumerKey);
  return json(200, { access_token: t, expires_in: 3600, token_type: 'Bearer' });
}

/** The account both tokens belong to, or undefined. */
function caller(request: Request): Account | undefined {
  const apim = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  const sso = /^bearer (.+)$/.exec(request.headers.get('auth') ?? '')?.[1];
  const username = sso ? ssoTokens.get(sso) : undefined;
  const key = apim ? apimTokens.get(apim) : undefined;
  return siasnRegions.find((a) => a.username === username && a.consumerKey === key);
}

async function save(request: Request, account: Account): Promise<Response> {
  const r = log(account);
  const raw: unknown = await request.json().catch(() => undefined);
  const parsed = siasnKursusSave.safeParse(raw);
  const refuse = (status: number, reason: string) => {
    r.refused.push({ path: 'kursus/save', status, reason });
    r.saves.push({ body: raw, answered: `refused: ${reason}` });
    return json(status, { success: false, message: reason });
  };
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) return refuse(415, 'json expected');
  if (!parsed.success) return refuse(400, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  if (parsed.data.instansiId !== account.instansiId) return refuse(403, 'instansi tidak sesuai');
  const lost = parsed.data.pnsOrangId === lostAnswerPns;
  if (!knownPns.includes(parsed.data.pnsOrangId) && !lost) {
    r.saves.push({ body: raw, answered: 'unknown pns' });
    return json(200, { success: false, message: 'Data PNS tidak ditemukan' });
  }
  const id = `rwk-${account.slug}-${++counter}`;
  riwayat.set(id, account.username);
  r.saves.push({ body: raw, answered: lost ? `saved ${id}, answer lost` : `saved ${id}` });
  if (lost) return new Response('upstream request timeout', { status: 504 });
  return json(200, { success: true, message: 'success', mapData: { rwKursusId: id } });
}

async function upload(request: Request, account: Account): Promise<Response> {
  const r = log(account);
  const refuse = (status: number, reason: string) => {
    r.refused.push({ path: 'upload-dok-rw', status, reason });
    return json(status, { success: false, message: reason });
  };
  if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return refuse(415, 'multipart expected');
  const form = await request.formData();
  const file = form.get('file') as unknown as File | string | null;
  const fields = siasnUploadRiwayatFields.safeParse({ id_riwayat: form.get('id_riwayat'), id_ref_dokumen: form.get('id_ref_dokumen') });
  if (!fields.success || typeof file === 'string' || file === null) return refuse(400, 'file, id_riwayat and id_ref_dokumen expected');
  if (riwayat.get(fields.data.id_riwayat) !== account.username) return refuse(404, 'riwayat tidak ditemukan');
  if (fields.data.id_ref_dokumen !== siasnKursusDocumentRef) return refuse(400, 'referensi dokumen bukan riwayat kursus');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const pdf = new TextDecoder().decode(bytes.slice(0, 5)) === '%PDF-';
  r.uploads.push({ fields: fields.data, filename: file.name, type: file.type, bytes: bytes.byteLength, pdf });
  if (!pdf) return refuse(400, 'dokumen harus PDF');
  return json(200, { success: true, data: { dok_uri: `peremajaan/usulan/${fields.data.id_riwayat}.pdf`, slug: siasnKursusDocumentRef } });
}

export async function siasnFake(request: Request): Promise<Response> {
  const path = pathOf(request.url);
  const url = new URL(request.url);
  if (path === '/__received' || path === '/__reset') {
    const account = siasnRegions.find((a) => a.username === url.searchParams.get('account'));
    if (!account) return json(404, { error: 'no such account' });
    if (path === '/__reset') received.delete(account.username);
    return json(200, log(account));
  }
  if (request.method !== 'POST') return json(405, { error: 'POST only' });
  if (path === pathOf(siasnUrls.SIASN_SSO_TOKEN_URL)) return token(request, 'sso');
  if (path === pathOf(siasnUrls.SIASN_APIM_TOKEN_URL)) return token(request, 'apim');
  const api = pathOf(siasnUrls.SIASN_API_URL);
  if (path !== `${api}/kursus/save` && path !== `${api}/upload-dok-rw`) return json(404, { error: 'not found' });
  const account = caller(request);
  if (!account) return json(401, { error: 'both tokens of one account are required' });
  return path.endsWith('/kursus/save') ? save(request, account) : upload(request, account);
}

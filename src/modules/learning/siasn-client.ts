/**
 * The SIASN client: its configuration and the three things the sync asks of BKN's API gateway —
 * the two tokens, `kursus/save` and `upload-dok-rw` (shapes in siasn-shapes.ts).
 *
 * Configuration (docs/learning.md, "SIASN sync"): the URLs are variables of the deployment
 * (`SIASN_API_URL`, `SIASN_SSO_TOKEN_URL`, `SIASN_APIM_TOKEN_URL`); each region's own account is in
 * the secret `SIASN_CREDENTIALS`, a JSON object keyed by tenant slug. A region without an entry, or
 * a deployment without the URLs, is not configured: the sync answers 409 and calls nobody. When
 * the optional service binding `SIASN` is present every request goes through it (an egress proxy
 * with the fixed address BKN allows; the tests' double of SIASN), otherwise straight out.
 *
 * Answers are sorted into three: saved (with SIASN's id), refused (SIASN answered and said no:
 * nothing was created, the record may be sent again) and uncertain (no answer, a gateway error,
 * an unreadable body: SIASN may have created it, so it is not sent again until someone checks).
 */
import { z } from 'zod';
import type { Bindings } from '../../env';
import { DomainError } from '../../platform/errors';
import {
  type SiasnKursusSave,
  siasnKursusDocumentRef,
  siasnSaveAnswer,
  siasnTokenAnswer,
  siasnUploadAnswer,
  siasnUploadRiwayatFields,
} from './siasn-shapes';

const regionCredentials = z.object({
  instansiId: z.string().min(1),
  clientId: z.string().min(1),
  username: z.string().min(1),
  password: z.string().min(1),
  consumerKey: z.string().min(1),
  consumerSecret: z.string().min(1),
});

export interface SiasnConfig extends z.infer<typeof regionCredentials> {
  apiUrl: string;
  ssoTokenUrl: string;
  apimTokenUrl: string;
}

const notConfigured = (why: string) =>
  new DomainError(
    'conflict',
    `SIASN belum dikonfigurasi (SIASN is not configured for this region): ${why}. See docs/learning.md, "SIASN sync".`,
  );

/** The region's SIASN configuration, or a 409 saying what is missing. */
export function siasnConfig(env: Bindings, slug: string): SiasnConfig {
  const { SIASN_API_URL: apiUrl, SIASN_SSO_TOKEN_URL: ssoTokenUrl, SIASN_APIM_TOKEN_URL: apimTokenUrl } = env;
  if (!apiUrl || !ssoTokenUrl || !apimTokenUrl)
    throw notConfigured('SIASN_API_URL, SIASN_SSO_TOKEN_URL and SIASN_APIM_TOKEN_URL must be set');
  let all: unknown;
  try {
    all = JSON.parse(env.SIASN_CREDENTIALS ?? '{}');
  } catch {
    throw notConfigured('SIASN_CREDENTIALS is not JSON');
  }
  const entry = typeof all === 'object' && all !== null ? (all as Record<string, unknown>)[slug] : undefined;
  if (entry === undefined) throw notConfigured(`SIASN_CREDENTIALS has no entry for ${slug}`);
  const parsed = regionCredentials.safeParse(entry);
  if (!parsed.success)
    throw notConfigured(`the SIASN_CREDENTIALS entry of ${slug} lacks ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return { ...parsed.data, apiUrl: apiUrl.replace(/\/+$/, ''), ssoTokenUrl, apimTokenUrl };
}

export type SaveOutcome =
  | { kind: 'saved'; riwayatId: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'uncertain'; reason: string };
export type UploadOutcome = { ok: true } | { ok: false; reason: string };

/** A token could not be had: nothing was sent. */
export class SiasnUnavailable extends Error {}

/** Longest wait for one answer of SIASN. */
const timeoutMs = 30_000;

const bodyOf = async (res: Response): Promise<unknown> => {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const short = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

export class SiasnClient {
  #tokens: Promise<{ sso: string; apim: string }> | undefined;

  constructor(
    private readonly config: SiasnConfig,
    private readonly env: Pick<Bindings, 'SIASN'>,
  ) {}

  #fetch(url: string, init: RequestInit): Promise<Response> {
    const withTimeout = { ...init, signal: AbortSignal.timeout(timeoutMs) };
    return this.env.SIASN ? this.env.SIASN.fetch(url, withTimeout) : fetch(url, withTimeout);
  }

  async #token(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<string> {
    let res: Response;
    try {
      res = await this.#fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
        body: new URLSearchParams(form).toString(),
      });
    } catch (err) {
      throw new SiasnUnavailable(`token SIASN tidak didapat: ${err instanceof Error ? err.message : String(err)}`);
    }
    const parsed = siasnTokenAnswer.safeParse(await bodyOf(res));
    if (!res.ok || !parsed.success) throw new SiasnUnavailable(`token SIASN ditolak (HTTP ${res.status})`);
    return parsed.data.access_token;
  }

  /** The SSO token (the region's operator account) and the API-Manager token (the consumer key), once per client. */
  tokens(): Promise<{ sso: string; apim: string }> {
    const c = this.config;
    this.#tokens ??= Promise.all([
      this.#token(c.ssoTokenUrl, { grant_type: 'password', client_id: c.clientId, username: c.username, password: c.password }),
      this.#token(
        c.apimTokenUrl,
        { grant_type: 'client_credentials' },
        { authorization: `Basic ${btoa(`${c.consumerKey}:${c.consumerSecret}`)}` },
      ),
    ]).then(([sso, apim]) => ({ sso, apim }));
    return this.#tokens;
  }

  async #headers(): Promise<Record<string, string>> {
    const { sso, apim } = await this.tokens();
    return { authorization: `Bearer ${apim}`, auth: `bearer ${sso}`, accept: 'application/json' };
  }

  /** `POST kursus/save`. Throws `SiasnUnavailable` when no token could be had (nothing was posted). */
  async saveKursus(body: SiasnKursusSave): Promise<SaveOutcome> {
    const headers = await this.#headers();
    let res: Response;
    try {
      res = await this.#fetch(`${this.config.apiUrl}/kursus/save`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (err) {
      return { kind: 'uncertain', reason: `tidak ada jawaban SIASN: ${err instanceof Error ? err.message : String(err)}` };
    }
    const raw = await bodyOf(res);
    const answer = siasnSaveAnswer.safeParse(raw);
    const id = answer.success ? answer.data.mapData?.rwKursusId : undefined;
    if (res.ok && id && answer.data?.success !== false) return { kind: 'saved', riwayatId: id };
    if (res.status < 500 && answer.success) {
      return { kind: 'refused', reason: `SIASN menolak (HTTP ${res.status}): ${short(answer.data.message ?? 'tanpa pesan')}` };
    }
    return { kind: 'uncertain', reason: `jawaban SIASN tidak jelas (HTTP ${res.status})` };
  }

  /** `POST upload-dok-rw`: the certificate PDF onto riwayat `riwayatId`. */
  async uploadRiwayat(riwayatId: string, pdf: ArrayBuffer, filename: string): Promise<UploadOutcome> {
    const headers = await this.#headers();
    const fields = siasnUploadRiwayatFields.parse({ id_riwayat: riwayatId, id_ref_dokumen: siasnKursusDocumentRef });
    const form = new FormData();
    form.append('file', new File([pdf], filename, { type: 'application/pdf' }));
    form.append('id_riwayat', fields.id_riwayat);
    form.append('id_ref_dokumen', fields.id_ref_dokumen);
    let res: Response;
    try {
      res = await this.#fetch(`${this.config.apiUrl}/upload-dok-rw`, { method: 'POST', headers, body: form });
    } catch (err) {
      return { ok: false, reason: `tidak ada jawaban SIASN: ${err instanceof Error ? err.message : String(err)}` };
    }
    const answer = siasnUploadAnswer.safeParse(await bodyOf(res));
    if (res.ok && answer.success && answer.data.success !== false) return { ok: true };
    return {
      ok: false,
      reason: `unggah dokumen ditolak (HTTP ${res.status})${answer.success && answer.data.message ? `: ${short(answer.data.message)}` : ''}`,
    };
  }
}

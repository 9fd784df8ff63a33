/**
 * Bad input, property-based (SECURITY.md, "What the suites prove"): every write endpoint of the app gets random and
 * adversarial JSON bodies — wrong types, huge strings, unicode, SQL-looking text, near-valid
 * bodies with one field spoiled — and every list endpoint gets spoiled queries. The answer is never
 * a 5xx; a refusal is always problem+json; a refused write leaves every table as it was.
 */
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, api } from '../support/api';
import { waitForJob } from '../support/jobs';
import { routeFixtures } from './route-fixtures';
import { buildWorld, type World } from './world';

interface Op {
  method: string;
  path: string;
  roles: string[];
  properties: string[];
  csv: boolean;
}

/**
 * A fixed seed, printed, so CI is deterministic; `FUZZ_SEED=<n> npm run fuzz` explores another
 * (and `FUZZ_SEED=random`). A seed that finds a failure becomes a regression test.
 */
const seed = env.FUZZ_SEED === 'random' ? Date.now() % 2_147_483_647 : Number(env.FUZZ_SEED ?? 20_261_129);
console.log(`fuzz seed ${seed} (FUZZ_SEED=${seed} repeats this run)`);

let world: World;
let ops: Op[];
let cases = 0;

const adversarial = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom(
    "'; DROP TABLE units; --",
    "' OR '1'='1",
    '"); DELETE FROM employees; --',
    '\u0000',
    '\u202e',
    '🇮🇩 Pemda',
    '٣٤٥',
    '%00',
    '../../etc/passwd',
  ),
  fc.constant('x'.repeat(200_000)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

let countQueries: [string, D1PreparedStatement][] | undefined;

/** Row counts of every table in both databases, one query per database. */
async function tableCounts(): Promise<Record<string, unknown>> {
  countQueries ??= await Promise.all(
    (Object.entries({ DB: env.DB, DB_DEDICATED: env.DB_DEDICATED }) as [string, D1Database][]).map(async ([name, db]) => {
      const { results } = await db
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite%' and name not like '\\_%' escape '\\' and name not like 'd1%' and name != 'idempotency_keys'",
        )
        .all<{ name: string }>();
      const columns = results.map((t) => `(select count(*) from "${t.name}") as "${t.name}"`).join(', ');
      return [name, db.prepare(`select ${columns}`)] as [string, D1PreparedStatement];
    }),
  );
  const counts: Record<string, unknown> = {};
  for (const [name, query] of countQueries) counts[name] = await query.first();
  return counts;
}

function pathFor(op: Op): string {
  const f = routeFixtures[`${op.method} ${op.path}`];
  const params: Record<string, string> = { tenant: world.a.tenant.slug, ...f?.params?.(world.a) };
  return op.path.replace(/{(\w+)}/g, (_, name: string) => params[name] ?? name);
}

function tokenFor(op: Op): string {
  if (op.roles.includes('tenant_admin')) return world.a.tenant.adminToken;
  // Routes only an employee may call (a pairing's members) are fuzzed as the world's mentor.
  return op.roles.includes('employee') ? world.a.memberToken : world.a.tenant.nationalToken;
}

async function currentEtag(op: Op): Promise<string> {
  if (!op.path.endsWith('{id}')) return '"v1"';
  const read = await api('GET', pathFor(op), { token: world.a.tenant.adminToken });
  return read.headers.get('etag') ?? '"v1"';
}

/** The counts without `tables` (what a refused sign-in may write: its audit row and failure count). */
function without(counts: Record<string, unknown>, tables: string[] = []): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(counts).map(([db, row]) => [
      db,
      Object.fromEntries(Object.entries(row as Record<string, unknown>).filter(([table]) => !tables.includes(table))),
    ]),
  );
}

async function expectSafe(res: ApiResponse, before: Record<string, unknown>, what: string, op?: Op): Promise<void> {
  cases++;
  if (res.status >= 500) throw new Error(`${what}: ${res.status} ${res.text.slice(0, 300)}`);
  const job = res.status === 202 ? res.headers.get('location') : null;
  if (job) {
    // An accepted job writes as it runs: let it finish, so the next case's counts are its own.
    await waitForJob(job, job.startsWith('/api/v1/national/') ? world.a.tenant.nationalToken : world.a.tenant.adminToken);
  }
  if (res.status >= 400) {
    expect(res.headers.get('content-type'), what).toMatch(/^application\/problem\+json/);
    const allowed = op ? routeFixtures[`${op.method} ${op.path}`]?.refusalWrites : undefined;
    expect(without(await tableCounts(), allowed), `${what} wrote something`).toEqual(without(before, allowed));
  }
}

beforeAll(async () => {
  world = await buildWorld();
  const doc = (await api('GET', '/api/v1/openapi.json')).body as {
    paths: Record<
      string,
      Record<string, { 'x-roles': string[]; requestBody?: { content: Record<string, { schema: { $ref?: string; properties?: object } }> } }>
    >;
    components: { schemas: Record<string, { properties?: object }> };
  };
  const propertiesOf = (schema?: { $ref?: string; properties?: object }) =>
    Object.keys((schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop() as string] : schema)?.properties ?? {});
  ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      roles: op['x-roles'],
      properties: propertiesOf(op.requestBody?.content['application/json']?.schema),
      csv: Boolean(op.requestBody?.content['text/csv']),
    })),
  );
});

describe('bad input never breaks the API', () => {
  it('fuzzes every write endpoint body', { timeout: 180_000 }, async () => {
    const writes = ops.filter((o) => ['POST', 'PATCH', 'PUT'].includes(o.method) && o.properties.length > 0);
    expect(writes.length).toBeGreaterThan(0);
    for (const op of writes) {
      const valid = routeFixtures[`${op.method} ${op.path}`]?.body?.(world.a) as Record<string, unknown> | undefined;
      const body = fc.oneof(
        fc.jsonValue(),
        fc.record(Object.fromEntries(op.properties.map((p) => [p, adversarial])), { requiredKeys: [] }),
        fc.tuple(fc.constantFrom(...op.properties), adversarial).map(([k, v]) => ({ ...valid, [k]: v })),
      );
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const before = await tableCounts();
          const res = await api(op.method, pathFor(op), {
            token: tokenFor(op),
            body: payload,
            headers: { 'if-match': await currentEtag(op) },
          });
          await expectSafe(res, before, `${op.method} ${op.path} ${JSON.stringify(payload).slice(0, 200)}`, op);
        }),
        { seed, numRuns: 25 },
      );
    }
  });

  it('fuzzes every CSV upload, in both modes', { timeout: 180_000 }, async () => {
    const uploads = ops.filter((o) => o.csv);
    expect(uploads.length).toBeGreaterThan(0);
    const cell = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('', '"', '""', ';', ',', '\r\n', '=cmd|/C calc', "1' or '1'='1", '198703152010012001', '🇮🇩'),
      fc.nat().map(String),
    );
    const header = fc.shuffledSubarray(
      ['nip', 'name', 'unit_code', 'position_code', 'grade', 'employment_type', 'supervisor_nip', 'email', 'extra'],
      { minLength: 0 },
    );
    const csv = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc
        .tuple(
          header,
          fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 8 }),
          fc.constantFrom(',', ';', '\t'),
          fc.constantFrom('\n', '\r\n'),
          fc.boolean(),
        )
        .map(([cols, rows, delimiter, eol, bom]) => `${bom ? '\ufeff' : ''}${[cols, ...rows].map((r) => r.join(delimiter)).join(eol)}`),
    );
    for (const op of uploads) {
      await fc.assert(
        fc.asyncProperty(csv, fc.constantFrom('dry-run', 'commit', 'bogus'), async (text, mode) => {
          const before = await tableCounts();
          const res = await api(op.method, `${pathFor(op)}?mode=${mode}`, {
            token: tokenFor(op),
            rawBody: text,
            headers: { 'content-type': 'text/csv' },
          });
          await expectSafe(res, before, `${op.method} ${op.path}?mode=${mode} ${JSON.stringify(text).slice(0, 200)}`);
          if (mode !== 'commit' && res.status < 300) expect(await tableCounts(), 'a dry run wrote something').toEqual(before);
        }),
        { seed, numRuns: 40 },
      );
    }
  });

  it('fuzzes bulk IKM responses row by row: a bad row anywhere refuses the whole request', { timeout: 120_000 }, async () => {
    const op = {
      method: 'POST',
      path: '/api/v1/tenants/{tenant}/surveys/ikm/responses',
      roles: ['tenant_admin'],
      properties: [],
      csv: false,
    };
    const fixture = routeFixtures[`${op.method} ${op.path}`]?.body;
    if (!fixture) throw new Error(`no fixture body for ${op.method} ${op.path}`);
    const valid = (fixture(world.a) as { responses: Record<string, unknown>[] }).responses[0] as Record<string, unknown>;
    const answers = fc.oneof(
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 9, maxLength: 9 }),
      fc.array(fc.oneof(fc.integer({ min: -2, max: 6 }), fc.double(), fc.constant(null), fc.string({ maxLength: 2 })), {
        minLength: 0,
        maxLength: 11,
      }),
    );
    const row = fc.oneof(
      answers.map((a) => ({ ...valid, answers: a })),
      fc
        .tuple(fc.constantFrom('unitId', 'period', 'date', 'respondent', 'answers', 'nik'), adversarial)
        .map(([k, v]) => ({ ...valid, [k]: v })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 6 }), async (responses) => {
        const before = await tableCounts();
        const res = await api(op.method, pathFor(op), { token: world.a.tenant.adminToken, body: { responses } });
        await expectSafe(res, before, `IKM bulk ${JSON.stringify(responses).slice(0, 200)}`);
        if (res.status === 201) {
          const answered = (r: Record<string, unknown>) =>
            Array.isArray(r.answers) && r.answers.length === 9 && r.answers.every((x) => Number.isInteger(x) && x >= 1 && x <= 4);
          expect(
            responses.every((r) => answered(r) && !('nik' in r)),
            'a bad row was accepted',
          ).toBe(true);
        }
      }),
      { seed, numRuns: 40 },
    );
  });

  it('fuzzes bulk L2 test scores row by row: a bad row anywhere refuses the whole request', { timeout: 120_000 }, async () => {
    const a = world.a;
    const known = [a.enrollmentId, a.completedEnrollmentId];
    const score = fc.oneof(
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.integer({ min: -5, max: 105 }),
      fc.constant(null),
      fc.constant(undefined),
      adversarial,
    );
    const row = fc.oneof(
      fc.record({ enrollmentId: fc.constantFrom(...known), pre: score, post: score }, { requiredKeys: ['enrollmentId'] }),
      fc
        .tuple(fc.constantFrom('enrollmentId', 'pre', 'post', 'employeeId'), adversarial)
        .map(([k, v]) => ({ enrollmentId: a.completedEnrollmentId, pre: 40, [k]: v })),
    );
    const valid = (x: unknown) => x === undefined || x === null || (typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 100);
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 4 }), async (scores) => {
        const before = await tableCounts();
        const res = await api('PUT', `/api/v1/tenants/${a.tenant.slug}/offerings/${a.offeringId}/test-scores`, {
          token: a.tenant.adminToken,
          body: { scores },
        });
        await expectSafe(res, before, `L2 bulk ${JSON.stringify(scores).slice(0, 200)}`);
        if (res.status === 200) {
          const ids = scores.map((r) => r.enrollmentId);
          const fine = (r: Record<string, unknown>) =>
            known.includes(r.enrollmentId as string) &&
            valid(r.pre) &&
            valid(r.post) &&
            (r.pre !== undefined || r.post !== undefined) &&
            Object.keys(r).every((k) => ['enrollmentId', 'pre', 'post'].includes(k));
          expect(
            new Set(ids).size === ids.length && scores.every((r) => fine(r as Record<string, unknown>)),
            'a bad row was accepted',
          ).toBe(true);
        }
      }),
      { seed, numRuns: 40 },
    );
  });

  it('fuzzes the queries of body-less writes (national summary refresh)', { timeout: 60_000 }, async () => {
    const writes = ops.filter((o) => o.method === 'POST' && o.properties.length === 0 && !o.csv && !o.path.includes('{'));
    expect(writes.length).toBeGreaterThan(0);
    const query = fc.dictionary(
      fc.constantFrom('tenant', 'year', 'limit'),
      fc.oneof(fc.string(), fc.constantFrom('-1', '0', '501', '1e9', '2026', 'NaN', "' or 1=1 --", world.a.tenant.slug, '\u0000')),
      { maxKeys: 3 },
    );
    for (const op of writes) {
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          const before = await tableCounts();
          const res = await api(op.method, `${pathFor(op)}?${new URLSearchParams(q)}`, { token: tokenFor(op) });
          await expectSafe(res, before, `${op.method} ${op.path}?${new URLSearchParams(q)}`, op);
        }),
        { seed, numRuns: 25 },
      );
    }
  });

  it("fuzzes single sign-on's callback: always back to the console with a reason, nothing but its audit row written", async () => {
    const slug = world.a.tenant.slug;
    const value = fc.oneof(
      adversarial.filter((v) => typeof v === 'string'),
      fc.constant(''),
      fc.string({ maxLength: 50 }),
    );
    const query = fc.dictionary(fc.constantFrom('code', 'state', 'error', 'iss', 'session_state', 'x'), value, { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(query, fc.option(value, { nil: undefined }), async (q, cookie) => {
        const before = await tableCounts();
        const search = new URLSearchParams(q as Record<string, string>).toString().slice(0, 6000);
        const res = await api('GET', `/api/v1/auth/oidc/${slug}/callback?${search}`, {
          headers: {
            'cf-connecting-ip': `fuzz-${cases % 50}`,
            ...(cookie !== undefined ? { cookie: `bangkom_sso=${encodeURIComponent(cookie)}` } : {}),
          },
        });
        cases++;
        if (res.status === 429) return; // the sign-in routes' rate limit
        expect(res.status, search).toBe(302);
        expect(res.headers.get('location'), search).toMatch(/^\/masuk\?sso=gagal&alasan=(state|nonce|pkce|token|akun|konfigurasi)$/);
        expect(res.headers.get('set-cookie') ?? '', search).not.toMatch(/bangkom_refresh=[^;]/);
        expect(without(await tableCounts(), ['audit_log']), `${search} wrote something`).toEqual(without(before, ['audit_log']));
      }),
      { seed, numRuns: 60 },
    );
  });

  it('fuzzes queries and If-Match headers', { timeout: 180_000 }, async () => {
    const lists = ops.filter((o) => o.method === 'GET' && !o.path.endsWith('{id}'));
    const query = fc.dictionary(
      fc.constantFrom(
        'limit',
        'cursor',
        'parent',
        'kind',
        'unit',
        'category',
        'entity',
        'action',
        'q',
        'status',
        'mode',
        'period',
        'before',
        'after',
        'year',
      ),
      fc.oneof(fc.string(), fc.constantFrom('-1', '0', '501', '1e9', 'NaN', "' or 1=1 --", '%', '\u0000')),
      { maxKeys: 3 },
    );
    for (const op of lists) {
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          const res = await api('GET', `${pathFor(op)}?${new URLSearchParams(q)}`, { token: tokenFor(op) });
          cases++;
          expect(res.status, `${op.path}?${new URLSearchParams(q)}`).toBeLessThan(500);
        }),
        { seed, numRuns: 20 },
      );
    }
    const versioned = ops.filter((o) => ['PATCH', 'DELETE'].includes(o.method));
    for (const op of versioned) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('"v0"', '"v999999999999"', 'W/"v1', '*', '"v-1"')), async (etag) => {
          const before = await tableCounts();
          const headerSafe = etag.replace(/[^\x20-\x7e]/g, '');
          const res = await api(op.method, pathFor(op), {
            token: tokenFor(op),
            body: op.method === 'PATCH' ? { name: 'Nama Fuzz' } : undefined,
            headers: { 'if-match': headerSafe },
          });
          if (res.status < 300) return; // a valid ETag may legitimately apply
          await expectSafe(res, before, `${op.method} ${op.path} If-Match ${headerSafe}`);
        }),
        { seed, numRuns: 10 },
      );
    }
    console.info(`fuzz suite: ${cases} cases, none answered 5xx`);
  });
});

/**
 * The contract suite (SECURITY.md, "What the suites prove"). Every answer of the test client is
 * already checked against the OpenAPI document (`test/support/contract.ts`); this suite makes sure
 * every operation is met at least once: each GET answered with success to an authorised caller of
 * its own region, each operation with its problems (401 without a token, 404 for an unknown id),
 * each write driven with its fixture's valid body — every answer checked against the document. And
 * it shows that the check fails when an answer breaks the document.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, api } from '../support/api';
import { type Answer, type Contract, contract, contractViolation } from '../support/contract';
import { type RouteFixture, routeFixtures } from './route-fixtures';
import { buildWorld, type Side } from './world';

interface Route {
  method: string;
  path: string;
  roles: string[];
  /** The content types of its request body, if it takes one. */
  bodyTypes: string[];
  /** A sign-in route anyone may call (`x-public`): it needs no token. */
  public: boolean;
  /** False for the POSTs that keep no answer for an Idempotency-Key (sign-in, one-time codes). */
  idempotent: boolean;
}

let doc: Contract;
let routes: Route[];

beforeAll(async () => {
  doc = await contract();
  const raw = (await api('GET', '/api/v1/openapi.json')).body as {
    paths: Record<
      string,
      Record<
        string,
        { 'x-roles': string[]; 'x-public'?: boolean; 'x-idempotency'?: boolean; requestBody?: { content: Record<string, unknown> } }
      >
    >;
  };
  routes = Object.entries(raw.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      roles: op['x-roles'],
      bodyTypes: Object.keys(op.requestBody?.content ?? {}),
      public: op['x-public'] === true,
      idempotent: op['x-idempotency'] !== false,
    })),
  );
});

const key = (r: Route) => `${r.method} ${r.path}`;

function fixture(r: Route): RouteFixture {
  const f = routeFixtures[key(r)];
  if (!f) throw new Error(`no fixture for ${key(r)} in test/security/route-fixtures.ts`);
  return f;
}

/** The route's path for one side of the world; `unknown` replaces every id with one that does not exist. */
function url(r: Route, side: Side, unknown = false): string {
  const f = fixture(r);
  const params: Record<string, string> = { tenant: side.tenant.slug, ...f.params?.(side) };
  const path = r.path.replace(/{(\w+)}/g, (_, name: string) =>
    encodeURIComponent(
      unknown
        ? name === 'tenant' && !r.path.startsWith('/api/v1/national/')
          ? side.tenant.slug
          : `unknown-${name}`
        : (params[name] ?? ''),
    ),
  );
  return path + (typeof f.query === 'function' ? f.query(side) : (f.query ?? ''));
}

/** The route names something by id (any path parameter but the caller's own region). */
const hasIds = (r: Route) => /{(?!tenant})\w+}/.test(r.path) || (r.path.startsWith('/api/v1/national/') && r.path.includes('{'));

/** A token of a role the route lists, for its own side: the region's admin where allowed, else a member, else national. */
function tokenFor(r: Route, side: Side): string {
  if (r.roles.includes('tenant_admin')) return side.tenant.adminToken;
  if (r.roles.includes('employee')) return side.memberToken;
  return side.tenant.nationalToken;
}

async function call(
  r: Route,
  side: Side,
  options: { token?: string; unknown?: boolean; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const f = fixture(r);
  return api(r.method, url(r, side, options.unknown), {
    ...(options.token ? { token: options.token } : {}),
    ...(f.body ? { body: f.body(side) } : {}),
    ...(f.rawBody ? { rawBody: f.rawBody(side) } : {}),
    headers: { ...f.headers, ...options.headers },
  });
}

/** The current ETag of what a versioned write changes: the resource itself, or the one its action belongs to (`…/approve`). */
async function currentEtag(path: string, token: string): Promise<string | undefined> {
  const bare = path.split('?')[0] as string;
  for (const target of [bare, bare.replace(/\/[^/]+$/, '')]) {
    const read = await api('GET', target, { token });
    if (read.status === 200 && read.headers.get('etag')) return read.headers.get('etag') ?? undefined;
  }
  return undefined;
}

/** The explicit check, besides the one every `api()` call makes: the test fails here even without the hook. */
function expectKept(r: Route, res: ApiResponse, path: string): void {
  expect(contractViolation(doc, r.method, path, res), key(r)).toBeUndefined();
}

describe('contract suite', () => {
  it('has every operation of the document, and every GET answers its success as documented', async () => {
    const world = await buildWorld();
    const gets = routes.filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThan(50);
    for (const r of gets) {
      const res = await call(r, world.a, { token: tokenFor(r, world.a) });
      // Single sign-on's public GETs answer browsers with a documented 302 (here: to the IdP, or back to the console).
      const success = res.status < 300 || (r.public && res.status === 302);
      if (!success) throw new Error(`${key(r)}: expected a success, got ${res.status} ${res.text.slice(0, 300)}`);
      expectKept(r, res, url(r, world.a));
    }
    console.info(`contract suite: ${gets.length} GET operations answered with success, as documented`);
  });

  it('answers every operation without a token, and every unknown id, with a documented problem', async () => {
    const world = await buildWorld();
    let unknownIds = 0;
    for (const r of routes) {
      const anonymous = await call(r, world.a);
      // A public sign-in route needs no token: it answers as documented (logout without a session is a 204).
      if (!r.public) expect(anonymous.status, key(r)).toBe(401);
      expectKept(r, anonymous, url(r, world.a));
      if (r.method !== 'GET' || !hasIds(r)) continue;
      const missing = await call(r, world.a, { token: tokenFor(r, world.a), unknown: true });
      expect(missing.status, `${key(r)} with unknown ids: ${missing.text.slice(0, 300)}`).toBe(404);
      expectKept(r, missing, url(r, world.a, true));
      unknownIds++;
    }
    expect(unknownIds).toBeGreaterThan(20);
    console.info(`contract suite: ${routes.length} operations answered 401, ${unknownIds} answered 404 for unknown ids, as documented`);
  });

  it('answers every write, driven with its valid body, as documented', async () => {
    const world = await buildWorld();
    // Writes that end something (a deactivation, a pairing's end, a deletion) last, so the others still find it.
    const ending = (r: Route) => r.method === 'DELETE' || /\/(deactivate|end|decline|withdraw|approve)$/.test(r.path);
    const writes = routes.filter((r) => r.method !== 'GET').sort((x, y) => Number(ending(x)) - Number(ending(y)));
    const statuses: Record<string, number> = {};
    for (const r of writes) {
      const token = tokenFor(r, world.a);
      const etag = fixture(r).headers?.['if-match'] ? await currentEtag(url(r, world.a), world.a.tenant.adminToken) : undefined;
      const res = await call(r, world.a, { token, ...(etag ? { headers: { 'if-match': etag } } : {}) });
      if (res.status >= 500) throw new Error(`${key(r)}: ${res.status} ${res.text.slice(0, 300)}`);
      expectKept(r, res, url(r, world.a));
      statuses[key(r)] = res.status;
    }
    const succeeded = Object.values(statuses).filter((s) => s < 300).length;
    const refused = Object.entries(statuses).flatMap(([k, s]) => (s < 300 ? [] : [`${k} ${s}`]));
    // Most fixtures are valid for a fresh world; a few meet the state the world or an earlier write left
    // (a unit still in use, a pairing already accepted, a place already completed).
    expect(succeeded).toBeGreaterThan(writes.length / 2);
    console.info(
      `contract suite: ${writes.length} writes answered as documented, ${succeeded} with success; refused: ${refused.join(', ')}`,
    );
  });

  it('answers every write with a documented problem: a body over 1 MB, a body of another type, no If-Match, a reused Idempotency-Key', async () => {
    const world = await buildWorld();
    const a = world.a;
    const writes = routes.filter((r) => r.method !== 'GET');
    const huge = `{"x":"${'x'.repeat(1024 * 1024)}"}`;
    const counts = { 413: 0, 415: 0, 428: 0, 422: 0 };
    const expectAnswer = (r: Route, res: ApiResponse, status: keyof typeof counts, path: string) => {
      if (res.status !== status) throw new Error(`${key(r)}: expected ${status}, got ${res.status} ${res.text.slice(0, 300)}`);
      expectKept(r, res, path);
      counts[status]++;
    };
    for (const r of writes) {
      const f = fixture(r);
      const token = tokenFor(r, a);
      const path = url(r, a);
      const headers = { ...f.headers, 'content-type': 'application/json' };
      expectAnswer(r, await api(r.method, path, { token, rawBody: huge, headers }), 413, path);
      if (r.bodyTypes.length > 0) {
        const other = r.bodyTypes.includes('application/json') ? 'text/plain' : 'application/json';
        expectAnswer(r, await api(r.method, path, { token, rawBody: 'x=1', headers: { ...f.headers, 'content-type': other } }), 415, path);
      }
      if (f.headers?.['if-match']) {
        expectAnswer(r, await api(r.method, path, { token, ...(f.body ? { body: f.body(a) } : {}) }), 428, path);
      }
      if (r.method === 'POST' && r.idempotent) {
        const idempotent = { ...f.headers, 'idempotency-key': `contract-${crypto.randomUUID()}` };
        const text = f.body ? JSON.stringify(f.body(a)) : '';
        const first = await api(r.method, path, { token, rawBody: text, headers: { 'content-type': 'application/json', ...idempotent } });
        if (first.status >= 500) throw new Error(`${key(r)}: ${first.status} ${first.text.slice(0, 300)}`);
        // A refused request does not keep its key: only a key that answered a success is reused.
        if (first.status >= 300) continue;
        const again = await api(r.method, path, {
          token,
          rawBody: `${text} `,
          headers: { 'content-type': 'application/json', ...idempotent },
        });
        expectAnswer(r, again, 422, path);
      }
    }
    expect(counts[415]).toBeGreaterThan(30);
    expect(counts[428]).toBeGreaterThan(10);
    expect(counts[422]).toBeGreaterThan(20);
    console.info(
      `contract suite: ${writes.length} writes answered 413 as documented; ${counts[415]} answered 415, ${counts[428]} 428, ${counts[422]} POSTs 422 for a reused key`,
    );
  });
});

describe('the check itself', () => {
  const unit = {
    id: 'unit_x',
    code: 'BKD',
    name: 'Badan Kepegawaian Daerah',
    kind: 'badan',
    parentId: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  const answer = (status: number, body: unknown, type = 'application/json'): Answer => ({
    status,
    headers: new Headers({ 'content-type': type }),
    body,
    text: JSON.stringify(body),
  });
  const path = '/api/v1/tenants/kalianda/units/unit_x';

  it('fails a body that breaks its schema, naming the operation, the status, the field and the body', async () => {
    const real = await api('GET', '/api/v1/openapi.json');
    expect(real.status).toBe(200);
    const wrong = { ...unit, name: 42 };
    const message = contractViolation(doc, 'GET', path, answer(200, wrong));
    expect(message).toContain('GET /api/v1/tenants/{tenant}/units/{id}');
    expect(message).toContain('answered 200');
    expect(message).toContain('#/name');
    expect(message).toContain('"name":42');
  });

  it('fails a field the document does not declare, a missing one, an undeclared status and an undeclared content type', async () => {
    const problem = { type: 'urn:bangkom:problem:conflict', title: 'Conflict', status: 409, detail: 'x', instance: path, requestId: 'r' };
    expect(contractViolation(doc, 'GET', path, answer(200, { ...unit, secret: 'x' }))).toMatch(
      /#\/secret: a field the document does not declare/,
    );
    const { name: _, ...nameless } = unit;
    expect(contractViolation(doc, 'GET', path, answer(200, nameless))).toMatch(/name/);
    expect(contractViolation(doc, 'GET', path, answer(409, problem, 'application/problem+json'))).toMatch(
      /a status the operation does not declare/,
    );
    expect(contractViolation(doc, 'GET', path, answer(200, unit, 'text/html'))).toMatch(
      /as text\/html, where the document declares application\/json/,
    );
    expect(contractViolation(doc, 'GET', path, answer(404, { title: 'Not found' }, 'application/problem+json'))).toMatch(/required/);
  });

  it('keeps a body that matches, and skips what the document does not describe', async () => {
    expect(contractViolation(doc, 'GET', `${path}?x=1`, answer(200, unit))).toBeUndefined();
    expect(contractViolation(doc, 'GET', '/api/v1/nowhere', answer(418, 'teapot', 'text/plain'))).toBeUndefined();
    expect(contractViolation(doc, 'TRACE', path, answer(200, 'x', 'text/plain'))).toBeUndefined();
  });
});

/**
 * The public satisfaction survey: a citizen's one response to one unit, without a token; the
 * form's facts; the opt-in results page (ended periods of at least five responses only); the rate
 * limit per client address; the human check (Turnstile) verified on the server, here with a
 * stand-in for Turnstile's answer — nothing calls the network.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { semesterOf } from '../../../src/modules/evaluations/ikm/public';
import { todayIn } from '../../../src/platform/calendar';
import { passChallenge } from '../../../src/platform/http/challenge';
import { activatedEmployee, freshAddress, login } from '../../support/accounts';
import { api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { ikmReport, recorded, responsesWithTotal } from './helpers';

const answers = [4, 3, 4, 3, 4, 3, 4, 3, 4];
const submit = (region: string, unit: string, body: unknown, address = freshAddress()) =>
  api('POST', `/api/v1/survei/${region}/${unit}`, { body, headers: { 'cf-connecting-ip': address } });

/** The period a response sent now is filed under (the tenants here are on Jakarta's clock). */
const currentPeriod = () => semesterOf(todayIn({ timeZone: 'Asia/Jakarta' }));

async function unitIds(t: TestTenant): Promise<Record<string, string>> {
  const res = await api('GET', `/api/v1/tenants/${t.slug}/surveys/ikm/units`, { token: t.adminToken });
  expect(res.status, res.text).toBe(200);
  return Object.fromEntries(res.body.items.map((u) => [u.code, u.id]));
}

async function tableCounts(): Promise<Record<string, number>> {
  const { results } = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite%' and name not like '\\_%' escape '\\' and name not like 'd1%'",
  ).all<{ name: string }>();
  const row = await env.DB.prepare(`select ${results.map((t) => `(select count(*) from "${t.name}") as "${t.name}"`).join(', ')}`).first();
  return row as Record<string, number>;
}

describe('the public survey', () => {
  it("shows the form's facts, and records one response of that unit that the unit's IKM report counts", async () => {
    const t = await createTenant();
    const form = await api('GET', `/api/v1/survei/${t.slug}/DISDUKCAPIL`, { headers: { 'cf-connecting-ip': freshAddress() } });
    expect(form.status, form.text).toBe(200);
    expect(form.body).toEqual({
      region: `Pemerintah Kabupaten Uji ${t.slug}`,
      unit: { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
      challenge: null,
    });

    const before = await tableCounts();
    const res = await submit(t.slug, 'DISDUKCAPIL', {
      answers,
      respondent: { gender: 'perempuan', ageBand: '30_39', education: 'sma', service: 'Penerbitan KTP-el' },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toEqual({ received: true });
    // Exactly one row written, in ikm_responses, and nothing else (no audit row of an anonymous answer).
    const after = await tableCounts();
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed).toEqual(['ikm_responses']);
    expect((after.ikm_responses as number) - (before.ikm_responses as number)).toBe(1);

    const report = await ikmReport(t, `?period=${currentPeriod()}`);
    expect(report.status, report.text).toBe(200);
    expect(report.body.units).toHaveLength(1);
    expect(report.body.units[0]).toMatchObject({ unitCode: 'DISDUKCAPIL', responses: 1, converted: 88.89, grade: 'A' });
    expect(report.body.units[0]?.elements.map((e) => e.mean)).toEqual(answers);
  });

  it('accepts exactly the nine answers and the anonymous profile: anything else is a 400 and nothing is written', async () => {
    const t = await createTenant();
    const ids = await unitIds(t);
    const before = await tableCounts();
    for (const body of [
      {},
      { answers: answers.slice(0, 8) },
      { answers: [...answers, 4] },
      { answers: [0, 3, 4, 3, 4, 3, 4, 3, 4] },
      { answers: [5, 3, 4, 3, 4, 3, 4, 3, 4] },
      { answers: answers.map(String) },
      { answers, unitId: ids.DINKES },
      { answers, period: '2020-S1' },
      { answers, date: '2020-01-01' },
      { answers, tenant: 'another' },
      { answers, respondent: { name: 'Budi', nik: '1801010101010001' } },
      { answers, respondent: { gender: 'lainnya' } },
      { answers, respondent: { service: 'x'.repeat(201) } },
      [{ answers }],
      { answers, challenge: '' },
    ]) {
      const res = await submit(t.slug, 'DISDUKCAPIL', body);
      expectProblem(res, 400);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('writes into the unit of the region it names only, and an unknown region or unit is a 404 that writes nothing', async () => {
    const a = await createTenant();
    const b = await createTenant();
    expect((await submit(a.slug, 'DINKES', { answers })).status).toBe(201);
    const period = `?period=${currentPeriod()}` as const;
    expect((await ikmReport(a, period)).body.units.map((u) => [u.unitCode, u.responses])).toEqual([['DINKES', 1]]);
    expect((await ikmReport(b, period)).body.tenant).toBeNull();

    const before = await tableCounts();
    expectProblem(await submit('no-such-region', 'DINKES', { answers }), 404);
    expectProblem(await submit(a.slug, 'NO-SUCH-UNIT', { answers }), 404);
    expectProblem(await submit(a.slug, 'dinkes', { answers }), 404);
    expectProblem(await api('GET', `/api/v1/survei/${a.slug}/NO-SUCH-UNIT`, { headers: { 'cf-connecting-ip': freshAddress() } }), 404);
    expect(await tableCounts()).toEqual(before);
  });

  it('stops a flood from one address: the 21st response in a minute is a 429 with Retry-After and is not recorded', async () => {
    const t = await createTenant();
    const windowOf = () => Math.floor(Date.now() / 60_000);
    for (let attempt = 0; ; attempt++) {
      const intoWindow = Date.now() % 60_000;
      if (intoWindow > 45_000) await new Promise((r) => setTimeout(r, 60_000 - intoWindow + 100));
      const window = windowOf();
      const address = freshAddress();
      const answersOf = [];
      for (let i = 0; i < 21; i++) answersOf.push(await submit(t.slug, 'DINKES', { answers }, address));
      const other = await submit(t.slug, 'DINKES', { answers }, freshAddress());
      if (windowOf() !== window && attempt === 0) continue;
      expect(answersOf.slice(0, 20).map((r) => r.status)).toEqual(Array(20).fill(201));
      const limited = expectProblem(answersOf[20] as (typeof answersOf)[number], 429);
      expect(limited.detail).toMatch(/from this address/);
      expect(answersOf[20]?.headers.get('retry-after')).toBe('60');
      expect(other.status).toBe(201);
      const report = await ikmReport(t, `?period=${currentPeriod()}`);
      expect(report.body.tenant?.responses).toBe(21 + attempt * 21);
      break;
    }
  });

  it('counts apart from sign-in (its own binding, SURVEY_RATE_LIMIT): a flooded survey leaves the address able to sign in, and a flooded sign-in leaves it able to answer', async () => {
    const t = await createTenant();
    const person = await activatedEmployee(t);
    // Miniflare's limiter counts per key in a fixed window of 60 s: start well inside one, and check it did not roll over.
    const windowOf = () => Math.floor(Date.now() / 60_000);
    for (let attempt = 0; ; attempt++) {
      const intoWindow = Date.now() % 60_000;
      if (intoWindow > 40_000) await new Promise((r) => setTimeout(r, 60_000 - intoWindow + 100));
      const window = windowOf();
      // One address floods the survey until it is stopped, then signs in.
      const surveyor = freshAddress();
      const flood = [];
      for (let i = 0; i < 21; i++) flood.push((await submit(t.slug, 'DINKES', { answers }, surveyor)).status);
      const signIn = await login({ tenant: t.slug, username: person.username, password: person.password }, surveyor);
      // Another floods the sign-in routes until it is stopped, then answers the survey.
      const signer = freshAddress();
      const attempts = [];
      for (let i = 0; i < 21; i++) {
        const wrong = { tenant: t.slug, username: `1999030320201219${String(i).padStart(2, '0')}`, password: 'wrong-password-z' };
        attempts.push((await login(wrong, signer)).status);
      }
      const answer = await submit(t.slug, 'DINKES', { answers }, signer);
      if (windowOf() !== window && attempt === 0) continue;
      expect(flood).toEqual([...Array(20).fill(201), 429]);
      expect(signIn.status, signIn.text).toBe(200);
      expect(attempts).toEqual([...Array(20).fill(401), 429]);
      expect(answer.status, answer.text).toBe(201);
      break;
    }
  });
});

describe('the public results page', () => {
  it('is a 404 until the region publishes it, then shows ended periods of at least five responses, aggregates only', async () => {
    const t = await createTenant();
    const ids = await unitIds(t);
    const unit = ids.DINKES as string;
    // 2025-S1: five responses, all answers 3 → 75.00 C. 2025-S2: four responses (too few to show).
    // The current semester: six responses, but it has not ended.
    await recorded(t, responsesWithTotal(unit, 5, 135, '2025-S1', '2025-03-10'));
    await recorded(t, responsesWithTotal(unit, 4, 144, '2025-S2', '2025-09-10'));
    for (let i = 0; i < 6; i++) expect((await submit(t.slug, 'DINKES', { answers })).status).toBe(201);
    const results = () => api('GET', `/api/v1/survei/${t.slug}/DINKES/hasil`, { headers: { 'cf-connecting-ip': freshAddress() } });
    expectProblem(await results(), 404);

    const publish = (resultsPublic: boolean, id = unit) =>
      api('PUT', `/api/v1/tenants/${t.slug}/surveys/ikm/units/${id}/publication`, { token: t.adminToken, body: { resultsPublic } });
    expect((await publish(true)).body).toEqual({ id: unit, resultsPublic: true });
    expect((await publish(true)).status).toBe(200);
    const units = await api('GET', `/api/v1/tenants/${t.slug}/surveys/ikm/units`, { token: t.adminToken });
    expect(units.body.items.find((u) => u.code === 'DINKES')).toEqual({
      id: unit,
      code: 'DINKES',
      name: 'Dinas Kesehatan',
      surveyPath: `/survei/${t.slug}/DINKES`,
      resultsPath: `/survei/${t.slug}/DINKES/hasil`,
      resultsPublic: true,
    });

    const shown = await results();
    expect(shown.status, shown.text).toBe(200);
    const period = { period: '2025-S1', responses: 5, converted: 75, grade: 'C', label: 'kurang baik' };
    expect(shown.body).toEqual({
      region: `Pemerintah Kabupaten Uji ${t.slug}`,
      unit: { code: 'DINKES', name: 'Dinas Kesehatan' },
      minimumResponses: 5,
      latest: period,
      periods: [period],
    });
    // Another unit of the same region is not published.
    expectProblem(await api('GET', `/api/v1/survei/${t.slug}/DISDUKCAPIL/hasil`, { headers: { 'cf-connecting-ip': freshAddress() } }), 404);

    expect((await publish(false)).body).toEqual({ id: unit, resultsPublic: false });
    expectProblem(await results(), 404);
    expectProblem(await publish(true, 'unt_nope'), 404);
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?entity=unit`, { token: t.adminToken });
    expect(audit.status, audit.text).toBe(200);
    expect((audit.body as { items: { action: string }[] }).items.map((e) => e.action).filter((a) => a.startsWith('ikm.'))).toEqual([
      'ikm.results.withdraw',
      'ikm.results.publish',
    ]);
  });
});

describe('the human check', () => {
  const configured = { TURNSTILE_SITE_KEY: '1x00000000000000000000AA', TURNSTILE_SECRET_KEY: 'secret-key' };
  const turnstile = (answer: unknown, status = 200) => {
    const calls: { url: string; form: FormData }[] = [];
    const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(input), form: init?.body as FormData });
      return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    return { calls, fetcher };
  };

  it('is off without configuration (locally and in tests), and never calls out then', async () => {
    const { calls, fetcher } = turnstile({ success: false });
    await passChallenge({}, undefined, '192.0.2.1', fetcher);
    await passChallenge({ TURNSTILE_SITE_KEY: 'only-the-site-key' }, undefined, '192.0.2.1', fetcher);
    expect(calls).toEqual([]);
  });

  it("passes a token Turnstile confirms, sending the secret, the token and the client's address", async () => {
    const { calls, fetcher } = turnstile({ success: true });
    await passChallenge(configured, 'token-from-widget', '192.0.2.1', fetcher);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('https://challenges.cloudflare.com/turnstile/v0/siteverify');
    expect(Object.fromEntries(calls[0]?.form.entries() ?? [])).toEqual({
      secret: 'secret-key',
      response: 'token-from-widget',
      remoteip: '192.0.2.1',
    });
  });

  it('refuses (403) a missing token, a refused one, an error answer and no answer at all', async () => {
    const refusedWith = async (token: string | undefined, fetcher: typeof fetch) => {
      const err = await passChallenge(configured, token, '192.0.2.1', fetcher).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ code: 'forbidden' });
    };
    await refusedWith(undefined, turnstile({ success: true }).fetcher);
    await refusedWith('t', turnstile({ success: false, 'error-codes': ['invalid-input-response'] }).fetcher);
    await refusedWith('t', turnstile({ success: true }, 500).fetcher);
    await refusedWith('t', turnstile('not an object').fetcher);
    await refusedWith('t', (async () => {
      throw new TypeError('network down');
    }) as typeof fetch);
  });
});

/** The JP rules per method: defaults at version 0, replaced whole with If-Match, applied to the next approval, audited. */
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { approve, person, reported, seminar } from '../learning/helpers';

describe('JP rules', () => {
  it('serves the defaults at v0, saves a whole set with If-Match, refuses a stale or partial one, and the next approval uses it', async () => {
    const t = await createTenant();
    const path = `/api/v1/tenants/${t.slug}/jp-rules` as const;
    const read = await api('GET', path, { token: t.adminToken });
    expect(read.headers.get('etag')).toBe('"v0"');
    expect(read.body.rules.seminar).toEqual({
      basis: 'day',
      jpPerUnit: 4,
      capPerDay: null,
      capPerMonth: null,
      capPerYear: null,
      capPerActivity: null,
    });
    expect(read.body.rules.coaching).toMatchObject({ basis: 'session', jpPerUnit: 2, capPerMonth: 4 });
    expect(Object.keys(read.body.rules)).toHaveLength(25);
    const rules = { ...read.body.rules, seminar: { ...read.body.rules.seminar, jpPerUnit: 3, capPerActivity: 5 } };
    expectProblem(await api('PUT', path, { token: t.adminToken, body: { rules } }), 428);
    const saved = await api('PUT', path, { token: t.adminToken, body: { rules }, headers: { 'if-match': '"v0"' } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, rules: { seminar: { jpPerUnit: 3, capPerActivity: 5 } } });
    expectProblem(await api('PUT', path, { token: t.adminToken, body: { rules }, headers: { 'if-match': '"v0"' } }), 412);
    const { seminar: _, ...partial } = rules;
    expectProblem(await api('PUT', path, { token: t.adminToken, body: { rules: partial }, headers: { 'if-match': '"v1"' } }), 400);
    const claimWithRate = { ...rules, rotasi_jabatan: { ...rules.rotasi_jabatan, jpPerUnit: 2 } };
    expectProblem(await api('PUT', path, { token: t.adminToken, body: { rules: claimWithRate }, headers: { 'if-match': '"v1"' } }), 400);

    const me = await person(t);
    const r = await reported(me, seminar);
    // 3 JP a day × 2 days = 6, capped at 5 per activity.
    const out = await approve(t, r.id);
    expect(out.body).toMatchObject({ jp: 5, rulesVersion: 1 });
    expect(out.body.jpReason).toMatch(/Batas 5 JP per kegiatan/);
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?action=jp_rules.update`, { token: t.adminToken });
    expect(audit.body.items).toHaveLength(1);
    expectProblem(await api('GET', path, { token: me.token }), 403);
  });
});

/**
 * Evidence files: PDF, JPEG or PNG by their first bytes, at most 5 MB, in R2 under the tenant's
 * id; read by the owner and the tenant admin only. Another employee and another tenant get 404;
 * the national admin, like every role a personal-data route does not list, 403 before any lookup.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { jpeg, pdf, person, png, reported, upload } from './helpers';

describe('evidence upload', () => {
  it('stores a PDF in R2 under the tenant, streams it back to the owner and the admin, and replaces it while diajukan', async () => {
    const t = await createTenant();
    const me = await person(t);
    const r = await reported(me);
    const file = pdf('sertifikat seminar');
    const stored = await upload(me, r.id, file, 'application/pdf');
    expect(stored.status, stored.text).toBe(200);
    expect(stored.body).toMatchObject({ evidence: { contentType: 'application/pdf', bytes: file.byteLength }, version: 2 });
    expect(stored.headers.get('etag')).toBe('"v2"');
    const listed = await env.FILES.list({ prefix: `${t.id}/learning-reports/${r.id}/` });
    expect(listed.objects).toHaveLength(1);

    const own = await api('GET', `/api/v1/me/learning-reports/${r.id}/evidence`, { token: me.token });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('cache-control')).toBe('no-store');
    expect(own.bytes).toEqual(file);
    const admin = await api('GET', `/api/v1/tenants/${t.slug}/learning-reports/${r.id}/evidence`, { token: t.adminToken });
    expect(admin.bytes).toEqual(file);

    // A JPEG replaces it: the old object is gone, the new one served.
    const again = await upload(me, r.id, jpeg(), 'image/jpeg', 2);
    expect(again.body).toMatchObject({ evidence: { contentType: 'image/jpeg' }, version: 3 });
    expect((await env.FILES.list({ prefix: `${t.id}/learning-reports/${r.id}/` })).objects).toHaveLength(1);
    expect((await api('GET', `/api/v1/me/learning-reports/${r.id}/evidence`, { token: me.token })).bytes).toEqual(jpeg());
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?entityId=${r.id}`, { token: t.adminToken });
    expect(audit.body.items.filter((x: { action: string }) => x.action === 'learning_report.evidence')).toHaveLength(2);
  });

  it('refuses a file that is not what its type claims (422), a type not accepted (415), an empty or oversized file, and keeps nothing', async () => {
    const t = await createTenant();
    const me = await person(t);
    const r = await reported(me);
    expect(expectProblem(await upload(me, r.id, png(), 'application/pdf'), 422).detail).toMatch(/not a PDF/);
    expectProblem(await upload(me, r.id, pdf(), 'image/png'), 422);
    expectProblem(await upload(me, r.id, new TextEncoder().encode('<html><script>alert(1)</script>'), 'image/jpeg'), 422);
    expectProblem(await upload(me, r.id, pdf(), 'text/html'), 415);
    expectProblem(await upload(me, r.id, pdf(), 'application/octet-stream'), 415);
    expectProblem(await upload(me, r.id, new Uint8Array(0), 'application/pdf'), 422);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(pdf());
    expectProblem(await upload(me, r.id, big, 'application/pdf'), 413);
    // 5 MB exactly is accepted: the evidence path's limit, not the 1 MB of other requests.
    const five = new Uint8Array(5 * 1024 * 1024);
    five.set(pdf());
    expect((await upload(me, r.id, five, 'application/pdf')).status).toBe(200);
    const json = await api('PUT', `/api/v1/me/learning-reports/${r.id}/evidence`, {
      token: me.token,
      rawBody: `{"x":"${'x'.repeat(1024 * 1024)}"}`,
      headers: { 'content-type': 'application/json', 'if-match': '"v2"' },
    });
    expectProblem(json, 413);
    expect((await env.FILES.list({ prefix: `${t.id}/learning-reports/${r.id}/` })).objects).toHaveLength(1);
  });

  it('needs If-Match, refuses a stale one, and a decided report takes no evidence (none was sent: 404)', async () => {
    const t = await createTenant();
    const me = await person(t);
    const r = await reported(me);
    expectProblem(
      await api('PUT', `/api/v1/me/learning-reports/${r.id}/evidence`, {
        token: me.token,
        rawBody: pdf(),
        headers: { 'content-type': 'application/pdf' },
      }),
      428,
    );
    expectProblem(await upload(me, r.id, pdf(), 'application/pdf', 7), 412);
    expect((await env.FILES.list({ prefix: `${t.id}/` })).objects).toHaveLength(0);
    await api('POST', `/api/v1/tenants/${t.slug}/learning-reports/${r.id}/approve`, { token: t.adminToken });
    expectProblem(await upload(me, r.id, pdf(), 'application/pdf', 2), 409);
    expectProblem(await api('GET', `/api/v1/me/learning-reports/${r.id}/evidence`, { token: me.token }), 404);
  });
});

describe('who reads the evidence', () => {
  it('the owner and the tenant admin; another employee and another tenant 404; the national admin 403', async () => {
    const t = await createTenant();
    const [me, colleague] = [await person(t), await person(t)];
    const r = await reported(me);
    expect((await upload(me, r.id, pdf('rahasia'), 'application/pdf')).status).toBe(200);
    const own = `/api/v1/me/learning-reports/${r.id}/evidence` as const;
    const admins = `/api/v1/tenants/${t.slug}/learning-reports/${r.id}/evidence` as const;
    expect((await api('GET', own, { token: me.token })).status).toBe(200);
    expect((await api('GET', admins, { token: t.adminToken })).status).toBe(200);
    expectProblem(await api('GET', own, { token: colleague.token }), 404);
    expectProblem(await api('GET', admins, { token: colleague.token }), 403);
    const u = await createTenant();
    const stranger = await person(u);
    expectProblem(await api('GET', own, { token: stranger.token }), 404);
    expectProblem(await api('GET', `/api/v1/tenants/${u.slug}/learning-reports/${r.id}/evidence`, { token: u.adminToken }), 404);
    expectProblem(await api('GET', admins, { token: u.adminToken }), 403);
    for (const path of [own, admins]) {
      const res = await api('GET', path, { token: t.nationalToken });
      expectProblem(res, 403);
      expect(res.text).not.toContain('rahasia');
    }
  });
});

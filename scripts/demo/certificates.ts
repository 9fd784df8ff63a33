/**
 * Demo certificates: the region's certificate settings (its signing official), then a certificate
 * for every passed participant of the completed offerings, issued on the offering's last day, and
 * one of them revoked, so the console and the verification page show both states. Through the API
 * only; a second run issues nothing new (a participant with a valid certificate is a 409, skipped).
 */
import type { DemoContext, DemoLoader } from '.';
import { listAll } from './assessments';

interface Offering {
  id: string;
  endDate: string;
  status: string;
}
interface Enrollment {
  id: string;
  status: string;
  passed: boolean | null;
}
interface Certificate {
  id: string;
  status: string;
}

async function send(ctx: DemoContext, method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(new URL(`/api/v1${path}`, ctx.url), {
    method,
    headers: { authorization: `Bearer ${ctx.adminToken}`, 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (res.status >= 400 && res.status !== 409) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  return res.status;
}

const official = { name: 'Dr. Hendra Wijaya, S.STP., M.Si.', nip: '197204101998031004', title: 'Kepala BKPSDM' };

export const certificatesLoader: DemoLoader = {
  name: 'certificates',
  async load(ctx) {
    const base = `/tenants/${ctx.slug}`;
    // The settings once: "v0" matches only before the first save, so a second run changes nothing.
    await send(
      ctx,
      'PUT',
      `${base}/certificate-settings`,
      { numberPattern: '{seq}/{code}/{unit}/{year}', issuerUnit: 'BKPSDM', issuedPlace: null, official },
      { 'if-match': '"v0"' },
    ).catch((err: unknown) => {
      if (!String(err).includes(': 412 ')) throw err;
    });
    const offerings = await listAll<Offering>(ctx, `/api/v1${base}/offerings?status=completed`);
    let issued = 0;
    for (const offering of offerings) {
      const passed = (await listAll<Enrollment>(ctx, `/api/v1${base}/offerings/${offering.id}/enrollments?status=completed`)).filter(
        (e) => e.passed === true,
      );
      for (const e of passed) {
        const status = await send(ctx, 'POST', `${base}/offerings/${offering.id}/certificates`, {
          enrollmentId: e.id,
          issuedOn: offering.endDate,
        });
        if (status === 201) issued++;
      }
    }
    const revoked = await listAll<Certificate>(ctx, `/api/v1${base}/certificates?status=revoked`);
    const valid = await listAll<Certificate>(ctx, `/api/v1${base}/certificates?status=valid`);
    const last = valid.at(-1);
    const revokeOne = revoked.length === 0 && last !== undefined;
    if (revokeOne) {
      await send(ctx, 'POST', `${base}/certificates/${last.id}/revoke`, { reason: 'Salah cetak nama peserta; diganti sertifikat baru.' });
    }
    // Counted after the revocation: the one revoked now is no longer valid.
    const stillValid = valid.length - (revokeOne ? 1 : 0);
    return `${issued} certificates issued, ${stillValid} valid, ${revoked.length + (revokeOne ? 1 : 0)} revoked`;
  },
};

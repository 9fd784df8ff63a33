/** Per-test data: every test makes its own tenant with a unique slug, never shared fixtures. */
import type { ManifestInput } from '../../src/modules/tenants/manifest';
import { api } from './api';
import { tokenFor } from './tokens';

let counter = 0;
export const uniqueSlug = (prefix = 't') => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function manifestFor(slug: string, overrides: Partial<ManifestInput> = {}): ManifestInput {
  return {
    slug,
    name: `Pemerintah Kabupaten Uji ${slug}`,
    kind: 'kabupaten',
    regionCode: '18.01',
    timeZone: 'Asia/Jakarta',
    jpTarget: 20,
    units: [
      {
        code: 'DINKES',
        name: 'Dinas Kesehatan',
        kind: 'dinas',
        children: [{ code: 'DINKES-YANKES', name: 'Bidang Pelayanan Kesehatan', kind: 'bidang' }],
      },
      { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', kind: 'dinas' },
    ],
    positions: [
      { code: 'KADINKES', name: 'Kepala Dinas Kesehatan', category: 'jpt_pratama', unit: 'DINKES' },
      { code: 'ANALIS-KEBIJAKAN', name: 'Analis Kebijakan Ahli Muda', category: 'fungsional' },
    ],
    ...overrides,
  };
}

export interface TestTenant {
  slug: string;
  id: string;
  adminToken: string;
  employeeToken: string;
  nationalToken: string;
}

export async function createTenant(overrides: Partial<ManifestInput> = {}): Promise<TestTenant> {
  const slug = overrides.slug ?? uniqueSlug();
  const nationalToken = await tokenFor('national_admin');
  const res = await api('POST', '/api/v1/tenants', { token: nationalToken, body: manifestFor(slug, overrides) });
  if (res.status !== 201) throw new Error(`createTenant failed: ${res.status} ${res.text}`);
  return {
    slug,
    id: res.body.tenant.id,
    nationalToken,
    adminToken: await tokenFor('tenant_admin', { tenant: slug, sub: `admin@${slug}` }),
    employeeToken: await tokenFor('employee', { tenant: slug, employeeId: 'emp_someone' }),
  };
}

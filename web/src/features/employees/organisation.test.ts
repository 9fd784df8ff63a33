import { describe, expect, it } from 'vitest';
import { unitOptions } from './organisation';
import type { Unit } from './queries';

const unit = (id: string, code: string, name: string, parentId: string | null = null): Unit => ({
  id,
  code,
  name,
  kind: 'bidang',
  parentId,
  version: 1,
  createdAt: '',
  updatedAt: '',
});

describe('unit options', () => {
  it('puts each unit under its parent in code order, and names a shared name with its code', () => {
    const units = [
      unit('u_dinkes', '2.01', 'Dinas Kesehatan'),
      unit('u_disdik', '1.01', 'Dinas Pendidikan'),
      unit('u_sek_dinkes', '2.01.01', 'Sekretariat', 'u_dinkes'),
      unit('u_sek_disdik', '1.01.01', 'Sekretariat', 'u_disdik'),
      unit('u_yankes', '2.01.02', 'Bidang Pelayanan Kesehatan', 'u_dinkes'),
    ];
    expect(unitOptions(units)).toEqual([
      { value: 'u_disdik', label: 'Dinas Pendidikan' },
      { value: 'u_sek_disdik', label: '\u2003Sekretariat (1.01.01)' },
      { value: 'u_dinkes', label: 'Dinas Kesehatan' },
      { value: 'u_sek_dinkes', label: '\u2003Sekretariat (2.01.01)' },
      { value: 'u_yankes', label: '\u2003Bidang Pelayanan Kesehatan' },
    ]);
  });
});

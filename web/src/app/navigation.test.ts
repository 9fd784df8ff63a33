import { describe, expect, it } from 'vitest';
import { me } from '../test/fixtures';
import { activeEntry, homeFor, navigationFor } from './navigation';

const targets = (m: Parameters<typeof navigationFor>[0]) => navigationFor(m).map((i) => i.to);

describe('the navigation by role', () => {
  it('gives an employee their own space and nothing of the admins', () => {
    expect(targets(me)).toEqual(['/', '/tugas', '/pendampingan', '/notifikasi', '/akun']);
    expect(homeFor(me)).toBe('/');
  });

  it('gives a tenant admin the workspace only', () => {
    const admin = { roles: ['tenant_admin' as const], employee: null };
    expect(targets(admin)).toEqual([
      '/admin',
      '/admin/pegawai',
      '/admin/verifikasi',
      '/admin/impor',
      '/admin/organisasi',
      '/admin/asesmen',
      '/admin/kebutuhan',
      '/admin/katalog',
      '/admin/rekomendasi',
      '/admin/survei',
      '/admin/evaluasi',
      '/admin/rencana',
      '/admin/pendampingan',
      '/admin/jp',
      '/admin/akun',
      '/admin/notifikasi',
      '/admin/audit',
      '/admin/pengaturan',
      '/akun',
    ]);
    expect(homeFor(admin)).toBe('/admin');
  });

  it('gives someone who is both an employee and a tenant admin both parts', () => {
    expect(targets({ ...me, roles: ['employee', 'tenant_admin'] })).toEqual([
      '/',
      '/tugas',
      '/pendampingan',
      '/notifikasi',
      '/admin',
      '/admin/pegawai',
      '/admin/verifikasi',
      '/admin/impor',
      '/admin/organisasi',
      '/admin/asesmen',
      '/admin/kebutuhan',
      '/admin/katalog',
      '/admin/rekomendasi',
      '/admin/survei',
      '/admin/evaluasi',
      '/admin/rencana',
      '/admin/pendampingan',
      '/admin/jp',
      '/admin/akun',
      '/admin/notifikasi',
      '/admin/audit',
      '/admin/pengaturan',
      '/akun',
    ]);
  });

  it('gives the national analyst the national home', () => {
    const national = { roles: ['national_admin' as const], employee: null };
    expect(targets(national)).toEqual([
      '/nasional',
      '/nasional/wilayah',
      '/nasional/onboarding',
      '/nasional/kamus',
      '/nasional/katalog',
      '/nasional/audit',
      '/akun',
    ]);
    expect(homeFor(national)).toBe('/nasional');
  });

  it('marks the entry a page belongs to, the most specific one', () => {
    const items = navigationFor({ roles: ['national_admin' as const], employee: null });
    expect(activeEntry(items, '/nasional')).toBe('/nasional');
    expect(activeEntry(items, '/nasional/wilayah/kalianda')).toBe('/nasional/wilayah');
    expect(activeEntry(items, '/nasionalx')).toBeUndefined();
    expect(activeEntry(navigationFor(me), '/pendampingan/p1')).toBe('/pendampingan');
    expect(activeEntry(navigationFor(me), '/tugas')).toBe('/tugas');
  });
});

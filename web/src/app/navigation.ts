/**
 * What the navigation offers, from the caller's roles: only what they may do. An employee who is
 * also a supervisor or a mentor sees those tasks inside Tugas saya and Pendampingan; a tenant
 * admin who is also an employee (a token with both) gets both parts. Notifikasi is an employee's:
 * the inbox belongs to the person (an account without an employee record has none).
 */
import type { MessageKey } from '../i18n';
import type { Me } from '../lib/api/caller';

export interface NavItem {
  to: string;
  label: MessageKey;
}

export function navigationFor(me: Pick<Me, 'roles' | 'employee'>): NavItem[] {
  const items: NavItem[] = [];
  if (me.roles.includes('employee') && me.employee) {
    items.push(
      { to: '/', label: 'nav.home' },
      { to: '/tugas', label: 'nav.tasks' },
      { to: '/pendampingan', label: 'nav.pairings' },
      { to: '/notifikasi', label: 'nav.notifications' },
    );
  }
  if (me.roles.includes('tenant_admin')) {
    items.push(
      { to: '/admin', label: 'nav.dashboard' },
      { to: '/admin/pegawai', label: 'nav.employees' },
      { to: '/admin/verifikasi', label: 'nav.verification' },
      { to: '/admin/impor', label: 'nav.import' },
      { to: '/admin/organisasi', label: 'nav.organisation' },
      { to: '/admin/asesmen', label: 'nav.assessments' },
      { to: '/admin/kebutuhan', label: 'nav.needs' },
      { to: '/admin/katalog', label: 'nav.catalog' },
      { to: '/admin/rekomendasi', label: 'nav.recommendations' },
      { to: '/admin/survei', label: 'nav.survey' },
      { to: '/admin/evaluasi', label: 'nav.evaluations' },
      { to: '/admin/rencana', label: 'nav.plans' },
      { to: '/admin/pendampingan', label: 'nav.mentoringAdmin' },
      { to: '/admin/jp', label: 'nav.jp' },
      { to: '/admin/akun', label: 'nav.accounts' },
      { to: '/admin/notifikasi', label: 'nav.deliveries' },
      { to: '/admin/audit', label: 'nav.audit' },
      { to: '/admin/pengaturan', label: 'nav.settings' },
    );
  }
  if (me.roles.includes('national_admin')) {
    items.push(
      { to: '/nasional', label: 'nav.nationalSummary' },
      { to: '/nasional/wilayah', label: 'nav.nationalRegions' },
      { to: '/nasional/onboarding', label: 'nav.nationalOnboarding' },
      { to: '/nasional/kamus', label: 'nav.nationalDictionary' },
      { to: '/nasional/katalog', label: 'nav.nationalCatalog' },
      { to: '/nasional/audit', label: 'nav.nationalAudit' },
    );
  }
  items.push({ to: '/akun', label: 'nav.account' });
  return items;
}

/** Where `/` leads: the employee's Beranda, else the admin's or the national analyst's home. */
export function homeFor(me: Pick<Me, 'roles' | 'employee'>): string {
  if (me.roles.includes('employee') && me.employee) return '/';
  if (me.roles.includes('tenant_admin')) return '/admin';
  if (me.roles.includes('national_admin')) return '/nasional';
  return '/akun';
}

/** The entry a path belongs to: the longest one that is the path or a folder of it (`/nasional/wilayah/x` → Wilayah, not Ringkasan). */
export function activeEntry(items: readonly NavItem[], pathname: string): string | undefined {
  const matches = items.filter((i) => (i.to === '/' ? pathname === '/' : pathname === i.to || pathname.startsWith(`${i.to}/`)));
  return matches.sort((a, b) => b.to.length - a.to.length)[0]?.to;
}

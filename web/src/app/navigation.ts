/**
 * What the navigation offers, from the caller's roles: only what they may do. An employee who is
 * also a supervisor or a mentor sees those tasks inside Tugas saya and Pendampingan; a tenant
 * admin who is also an employee (a token with both) gets both parts.
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
    items.push({ to: '/', label: 'nav.home' }, { to: '/tugas', label: 'nav.tasks' }, { to: '/pendampingan', label: 'nav.pairings' });
  }
  if (me.roles.includes('tenant_admin')) {
    items.push({ to: '/admin', label: 'nav.admin' });
    items.push({ to: '/admin/pegawai', label: 'nav.employees' }, { to: '/admin/impor', label: 'nav.import' });
  }
  if (me.roles.includes('national_admin')) items.push({ to: '/nasional', label: 'nav.national' });
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

/**
 * Where a notification leads in the console, in one place. The server gives each a path (its
 * `link`); a path the console has a screen for is followed as it is, anything else goes to the
 * screen of its kind (a plan's enrollment to Beranda's "Pelatihan saya", an evaluation to Tugas
 * saya, a pairing to Pendampingan). Also what each kind changes, to refresh when it is opened.
 */
import type { components } from '../../lib/api/schema';
import { berandaKeys } from '../beranda/queries';
import { learningKeys } from '../learning/queries';
import { pairingKeys } from '../pairings/queries';
import { taskKeys } from '../tasks/queries';

type Kind = components['schemas']['Notification']['kind'];

/** The console's screens a notification may open (router.tsx). */
const screens = [/^\/$/, /^\/tugas$/, /^\/pendampingan$/, /^\/pendampingan\/[\w-]+$/, /^\/laporan\/[\w-]+$/, /^\/notifikasi$/];

const screenOfKind: Record<Kind, string> = {
  'learning_report.approved': '/#learning-reports',
  'learning_report.rejected': '/#learning-reports',
  'pairing.proposed': '/pendampingan',
  'pairing.unanswered': '/pendampingan',
  'plan.enrolled': '/#enrollments',
  'evaluation.due': '/tugas',
  'evaluation.overdue': '/tugas',
  'jp.shortfall': '/#jp',
};

export function screenOf(notification: { kind: Kind; link: string }): string {
  const path = notification.link.split(/[?#]/)[0] ?? '';
  return screens.some((screen) => screen.test(path)) ? notification.link : screenOfKind[notification.kind];
}

const refreshed: Record<Kind, readonly (readonly unknown[])[]> = {
  'learning_report.approved': [learningKeys.reports, learningKeys.history, ['me', 'jp']],
  'learning_report.rejected': [learningKeys.reports],
  'pairing.proposed': [pairingKeys.mine, taskKeys.proposals, ['pairing']],
  'pairing.unanswered': [pairingKeys.mine, taskKeys.proposals, ['pairing']],
  'plan.enrolled': [berandaKeys.enrollments, ['me', 'jp']],
  'evaluation.due': [taskKeys.waiting],
  'evaluation.overdue': [taskKeys.waiting],
  'jp.shortfall': [['me', 'jp'], berandaKeys.recommendations],
};

/** The cached reads a notification of this kind makes stale. */
export function refreshedBy(kind: Kind): readonly (readonly unknown[])[] {
  return refreshed[kind];
}

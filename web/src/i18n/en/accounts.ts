/** English for accounts.ts (loaded only when English is chosen). */
import type { accountsId } from '../accounts';

export const accountsEn: Record<keyof typeof accountsId, string> = {
  'acc.search': 'Find an account',
  'acc.searchHelp': 'Part of a name (the employee’s or the user name) or the start of a NIP',
  'acc.name': 'Employee name',
  'acc.noName': '—',
  'acc.emptySearch': 'No account matches this search.',
};

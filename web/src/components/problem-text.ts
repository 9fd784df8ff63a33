/**
 * A problem in the user's words: the catalogue's sentence for its code (the server's `detail` is
 * English, for developers), and for a validation failure the server's field messages kept beside
 * their fields.
 */
import type { MessageKey, Translate } from '../i18n';
import { ApiProblem } from '../lib/api/problem';

const byCode: Record<string, MessageKey> = {
  'validation-failed': 'problem.validation',
  'bad-request': 'problem.validation',
  unauthenticated: 'problem.unauthenticated',
  forbidden: 'problem.forbidden',
  'not-found': 'problem.notFound',
  conflict: 'problem.conflict',
  'precondition-failed': 'problem.changed',
  'precondition-required': 'problem.changed',
  unprocessable: 'problem.unprocessable',
  'payload-too-large': 'problem.tooLarge',
  'too-many-requests': 'problem.tooMany',
  network: 'problem.network',
};

/** Sentences a screen says instead of the usual ones, by problem code (a refused sign-in is not an expired session). */
export type ProblemTexts = Partial<Record<string, MessageKey>>;

export function problemText(error: unknown, t: Translate, texts: ProblemTexts = {}): { title: string; detail: string | undefined } {
  if (!(error instanceof ApiProblem)) return { title: t('problem.unknown'), detail: undefined };
  const key = texts[error.code] ?? byCode[error.code] ?? (error.status >= 500 ? 'problem.server' : 'problem.unknown');
  return { title: t(key), detail: error.detail || undefined };
}

/** Field errors for a form: each field's own message, or a generic one when the server gave none. */
export function fieldErrors(error: unknown, t: Translate): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  return Object.fromEntries(Object.keys(error.fields).map((field) => [field, t('problem.field')]));
}

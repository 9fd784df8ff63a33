/**
 * The password rules as the server applies them (docs/auth.md, "Passwords"), shown beside every
 * new-password field, and the server's refusal of a password said in the user's words.
 */
import { List, Text } from '@mantine/core';
import type { MessageKey, Translate } from '../../i18n';
import { useI18n } from '../../i18n';
import { ApiProblem } from '../../lib/api/problem';

const passwordLength = { min: 12, max: 128 } as const;

export function PasswordRules({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <div id={id}>
      <Text size="sm" fw={500}>
        {t('password.rulesTitle')}
      </Text>
      <List size="sm" spacing={2}>
        <List.Item>{t('password.ruleLength', passwordLength)}</List.Item>
        <List.Item>{t('password.ruleCommon')}</List.Item>
        <List.Item>{t('password.ruleName')}</List.Item>
      </List>
    </div>
  );
}

/** The server's reasons (its field message for `password`) and the sentence for each. */
const reasons: [RegExp, MessageKey][] = [
  [/at least/, 'password.tooShort'],
  [/at most/, 'password.tooLong'],
  [/user name/, 'password.containsName'],
  [/common|guess/, 'password.tooCommon'],
];

/** The refusal of a new password, beside its field; undefined when the problem is not about it. */
export function passwordProblem(error: unknown, t: Translate): string | undefined {
  if (!(error instanceof ApiProblem)) return undefined;
  const message = error.fields.password ?? error.fields.newPassword;
  if (message === undefined) return undefined;
  const found = reasons.find(([pattern]) => pattern.test(message));
  return t(found ? found[1] : 'password.refused', passwordLength);
}

/** The client's own check before sending: the length (the rest only the server knows). */
export const checkLength = (value: string, t: Translate): string | null =>
  [...value].length < passwordLength.min
    ? t('password.tooShort', passwordLength)
    : [...value].length > passwordLength.max
      ? t('password.tooLong', passwordLength)
      : null;

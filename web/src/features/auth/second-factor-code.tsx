/**
 * The second factor's code, as both places that ask for it take it (signing in with a password,
 * and after single sign-on): the authenticator app's 6 digits, or one of the recovery codes.
 */
import { Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useI18n } from '../../i18n';

/** The form and whether it takes a recovery code; `toggle` switches and clears it. */
export function useSecondFactorCode() {
  const { t } = useI18n();
  const [recovery, setRecovery] = useState(false);
  const form = useForm({
    initialValues: { code: '' },
    validate: {
      code: (v) => {
        const code = v.trim();
        if (recovery) return code ? null : t('signIn.required');
        return /^\d{6}$/.test(code) ? null : t('signIn.totpFormat');
      },
    },
  });
  const toggle = () => {
    setRecovery(!recovery);
    form.reset();
  };
  /** The field's error for a refused code, in the words of the kind asked for. */
  const refuse = () => form.setFieldError('code', t(recovery ? 'signIn.recoveryWrong' : 'signIn.totpWrong'));
  return { recovery, form, toggle, refuse };
}

/** The help line and the one field: the app's code, or a recovery code. */
export function SecondFactorCodeField({ code }: { code: ReturnType<typeof useSecondFactorCode> }) {
  const { t } = useI18n();
  return (
    <>
      <Text size="sm">{t(code.recovery ? 'signIn.recoveryHelp' : 'signIn.totpHelp')}</Text>
      {code.recovery ? (
        <TextInput
          key="recovery"
          label={t('signIn.recoveryCode')}
          autoComplete="off"
          autoCapitalize="characters"
          data-autofocus
          {...code.form.getInputProps('code')}
        />
      ) : (
        <TextInput
          key="app"
          label={t('signIn.totpCode')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          data-autofocus
          {...code.form.getInputProps('code')}
        />
      )}
    </>
  );
}

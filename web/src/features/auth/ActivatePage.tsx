/**
 * Aktivasi: the region, the NIP (an admin: the email) and the one-time code from the admin, then
 * a password of one's own, with the rules shown beside it; the server's refusals go beside their
 * fields. Activating signs in; a reset code works the same way.
 */
import { Anchor, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, Navigate } from 'react-router';
import { fieldErrors } from '../../components/problem-text';
import { SubmitWithProblem } from '../../components/SubmitWithProblem';
import { useI18n } from '../../i18n';
import { ApiProblem } from '../../lib/api/problem';
import { useSession } from '../../lib/api/use-session';
import { AuthFrame } from './AuthFrame';
import { checkLength, PasswordRules, passwordProblem } from './password-rules';
import { useActivate } from './queries';

const lastTenantKey = 'bangkom.tenant';

export function ActivatePage() {
  const { t } = useI18n();
  const state = useSession();
  const activate = useActivate();
  const form = useForm({
    initialValues: { tenant: localStorage.getItem(lastTenantKey) ?? '', username: '', code: '', password: '', repeat: '' },
    validate: {
      tenant: (v) => (v.trim() ? null : t('signIn.required')),
      username: (v) => (/^\d{18}$/.test(v.trim()) || /^[^@\s]+@[^@\s]+$/.test(v.trim()) ? null : t('activate.nipFormat')),
      code: (v) => (v.trim() ? null : t('signIn.required')),
      password: (v) => checkLength(v, t),
      repeat: (v, values) => (v === values.password ? null : t('password.mismatch')),
    },
  });
  if (state.status === 'signed-in') return <Navigate to={state.setupOnly ? '/masuk/dua-faktor' : '/'} replace />;
  // A wrong code is one answer for every wrong detail (401): said above the button, not beside one field.
  const refusedPassword = activate.error instanceof ApiProblem && passwordProblem(activate.error, t) !== undefined;
  return (
    <AuthFrame title={t('activate.title')}>
      <form
        noValidate
        onSubmit={form.onSubmit(({ tenant, username, code, password }) => {
          localStorage.setItem(lastTenantKey, tenant.trim().toLowerCase());
          activate.mutate(
            { tenant: tenant.trim().toLowerCase(), username: username.trim(), code: code.trim(), password },
            {
              onError: (e) => {
                const password = passwordProblem(e, t);
                form.setErrors({ ...fieldErrors(e, t), ...(password ? { password } : {}) });
              },
            },
          );
        })}
      >
        <Stack>
          <TextInput label={t('signIn.tenant')} autoComplete="organization" autoCapitalize="none" {...form.getInputProps('tenant')} />
          <TextInput
            label={t('activate.nip')}
            description={t('activate.nipHelp')}
            inputMode="numeric"
            autoComplete="username"
            autoCapitalize="none"
            {...form.getInputProps('username')}
          />
          <TextInput
            label={t('activate.code')}
            description={t('activate.codeHelp')}
            autoComplete="one-time-code"
            {...form.getInputProps('code')}
          />
          <PasswordRules id="activate-password-rules" />
          <PasswordInput label={t('password.new')} autoComplete="new-password" {...form.getInputProps('password')} />
          <PasswordInput label={t('password.repeat')} autoComplete="new-password" {...form.getInputProps('repeat')} />
          <SubmitWithProblem
            mutation={{ ...activate, isError: activate.isError && !refusedPassword }}
            texts={{ unauthenticated: 'activate.wrong' }}
          >
            {t('activate.submit')}
          </SubmitWithProblem>
          <Anchor component={Link} to="/masuk" size="sm">
            {t('activate.back')}
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}

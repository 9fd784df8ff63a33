/** Aktivasi: NIP and the one-time code from the admin, then a password of one's own. */
import { Anchor, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate } from 'react-router';
import { fieldErrors } from '../../components/problem-text';
import { SubmitWithProblem } from '../../components/SubmitWithProblem';
import { useI18n } from '../../i18n';
import { AuthFrame } from './AuthFrame';
import { useActivate } from './queries';

export function ActivatePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const activate = useActivate();
  const form = useForm({
    initialValues: { tenant: '', nip: '', code: '', password: '', repeat: '' },
    validate: {
      tenant: (v) => (v.trim() ? null : t('signIn.required')),
      nip: (v) => (/^\d{18}$/.test(v.trim()) ? null : t('activate.nipFormat')),
      code: (v) => (v.trim() ? null : t('signIn.required')),
      password: (v) => (v.length >= 12 ? null : t('password.tooShort')),
      repeat: (v, values) => (v === values.password ? null : t('password.mismatch')),
    },
  });
  return (
    <AuthFrame title={t('activate.title')}>
      <form
        noValidate
        onSubmit={form.onSubmit(({ tenant, nip, code, password }) =>
          activate.mutate(
            { tenant: tenant.trim(), nip: nip.trim(), code: code.trim(), password },
            { onSuccess: () => void navigate('/', { replace: true }), onError: (e) => form.setErrors(fieldErrors(e, t)) },
          ),
        )}
      >
        <Stack>
          <TextInput label={t('signIn.tenant')} {...form.getInputProps('tenant')} />
          <TextInput label={t('activate.nip')} inputMode="numeric" autoComplete="username" {...form.getInputProps('nip')} />
          <TextInput label={t('activate.code')} autoComplete="one-time-code" {...form.getInputProps('code')} />
          <PasswordInput label={t('password.new')} autoComplete="new-password" {...form.getInputProps('password')} />
          <PasswordInput label={t('password.repeat')} autoComplete="new-password" {...form.getInputProps('repeat')} />
          <SubmitWithProblem mutation={activate}>{t('activate.submit')}</SubmitWithProblem>
          <Anchor component={Link} to="/masuk" size="sm">
            {t('activate.back')}
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}

/**
 * Masuk: region, user name (NIP or email) and password; the TOTP step when the account asks for
 * it; then back to the page the caller came from. An expired session says so here.
 */
import { Alert, Anchor, PasswordInput, PinInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { fieldErrors } from '../../components/problem-text';
import { SubmitWithProblem } from '../../components/SubmitWithProblem';
import { useI18n } from '../../i18n';
import { useSession } from '../../lib/api/session';
import { AuthFrame } from './AuthFrame';
import { useSignIn, useTotp } from './queries';

const lastTenantKey = 'bangkom.tenant';

/** A page inside the console to go back to; anything else goes home. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/masuk') ? next : '/';
}

export function SignInPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const state = useSession();
  const signIn = useSignIn();
  const totp = useTotp();
  const [challenge, setChallenge] = useState<string>();
  const form = useForm({
    initialValues: { tenant: localStorage.getItem(lastTenantKey) ?? '', username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('signIn.required')),
      password: (v) => (v ? null : t('signIn.required')),
    },
  });
  const [code, setCode] = useState('');

  if (state.status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = form.onSubmit((values) => {
    localStorage.setItem(lastTenantKey, values.tenant.trim());
    signIn.mutate(
      { tenant: values.tenant.trim(), username: values.username.trim(), password: values.password },
      {
        onSuccess: (answer) => {
          // The server does not answer a challenge (yet): it asks for `totp` in a repeated login (docs/auth.md).
          const pending: object = answer;
          if ('challenge' in pending && typeof pending.challenge === 'string') setChallenge(pending.challenge);
        },
        onError: (error) => form.setErrors(fieldErrors(error, t)),
      },
    );
  });

  if (challenge) {
    return (
      <AuthFrame title={t('signIn.totpTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            totp.mutate({ challenge, code });
          }}
        >
          <Stack>
            <Text size="sm">{t('signIn.totpHelp')}</Text>
            <PinInput length={6} type="number" oneTimeCode value={code} onChange={setCode} aria-label={t('signIn.totpCode')} />
            <SubmitWithProblem mutation={totp} disabled={code.length !== 6}>
              {t('signIn.verify')}
            </SubmitWithProblem>
          </Stack>
        </form>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title={t('signIn.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {params.get('reason') === 'expired' ? (
            <Alert color="yellow" role="status">
              {t('signIn.expired')}
            </Alert>
          ) : null}
          <TextInput
            label={t('signIn.tenant')}
            description={t('signIn.tenantHelp')}
            autoComplete="organization"
            {...form.getInputProps('tenant')}
          />
          <TextInput label={t('signIn.username')} autoComplete="username" required {...form.getInputProps('username')} />
          <PasswordInput label={t('signIn.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <SubmitWithProblem mutation={signIn}>{t('signIn.submit')}</SubmitWithProblem>
          <Anchor component={Link} to="/aktivasi" size="sm">
            {t('signIn.activate')}
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}

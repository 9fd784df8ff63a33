/**
 * The second factor after single sign-on: an admin who keeps an authenticator app and signed in
 * through the region's identity provider holds a token that reaches only this check
 * (`POST /api/v1/auth/two-factor/verify`). The app's 6-digit code or a recovery code; once it is
 * accepted, a renewal gives the whole session and the page asked for opens.
 */
import { Anchor, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { SubmitWithProblem } from '../../components/SubmitWithProblem';
import { useI18n } from '../../i18n';
import { api, endSession, renewSession } from '../../lib/api/client';
import { ApiProblem, unwrap } from '../../lib/api/problem';
import { useSession } from '../../lib/api/session';
import { AuthFrame } from './AuthFrame';
import { safeNext } from './SignInPage';

export function SecondFactorCheckPage() {
  const { t } = useI18n();
  const state = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
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
  const verify = useMutation({
    mutationFn: async (totp: string) => {
      await unwrap(api.POST('/api/v1/auth/two-factor/verify', { body: { totp } }));
      if (!(await renewSession())) throw new ApiProblem(401, undefined);
    },
    onSuccess: () => navigate(next, { replace: true }),
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 403)
        form.setFieldError('code', t(recovery ? 'signIn.recoveryWrong' : 'signIn.totpWrong'));
    },
  });
  if (state.status !== 'signed-in') return <Navigate to={`/masuk?${new URLSearchParams({ next })}`} replace />;
  if (!state.codeOnly) return <Navigate to={next} replace />;
  const wrongCode = verify.error instanceof ApiProblem && verify.error.status === 403;
  const switchMode = () => {
    setRecovery(!recovery);
    form.reset();
    verify.reset();
  };
  return (
    <AuthFrame title={t('signIn.totpTitle')}>
      <form onSubmit={form.onSubmit(({ code }) => verify.mutate(code.trim()))} noValidate>
        <Stack>
          <Text size="sm">{t(recovery ? 'signIn.recoveryHelp' : 'signIn.totpHelp')}</Text>
          {recovery ? (
            <TextInput
              key="recovery"
              label={t('signIn.recoveryCode')}
              autoComplete="off"
              autoCapitalize="characters"
              data-autofocus
              {...form.getInputProps('code')}
            />
          ) : (
            <TextInput
              key="app"
              label={t('signIn.totpCode')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              data-autofocus
              {...form.getInputProps('code')}
            />
          )}
          <SubmitWithProblem mutation={{ ...verify, isError: verify.isError && !wrongCode }}>{t('signIn.verify')}</SubmitWithProblem>
          <Anchor component="button" type="button" size="sm" onClick={switchMode}>
            {t(recovery ? 'signIn.useApp' : 'signIn.useRecovery')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={() => endSession('signed-out')}>
            {t('signIn.back')}
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}

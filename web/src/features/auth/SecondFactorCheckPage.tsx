/**
 * The second factor after single sign-on: an admin who keeps an authenticator app and signed in
 * through the region's identity provider holds a token that reaches only this check
 * (`POST /api/v1/auth/two-factor/verify`). The app's 6-digit code or a recovery code; once it is
 * accepted, a renewal gives the whole session and the page asked for opens.
 */
import { Anchor, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { SubmitWithProblem } from '../../components/SubmitWithProblem';
import { useI18n } from '../../i18n';
import { api, endSession, renewSession } from '../../lib/api/client';
import { ApiProblem, unwrap } from '../../lib/api/problem';
import { useSession } from '../../lib/api/use-session';
import { AuthFrame } from './AuthFrame';
import { safeNext } from './SignInPage';
import { SecondFactorCodeField, useSecondFactorCode } from './second-factor-code';

export function SecondFactorCheckPage() {
  const { t } = useI18n();
  const state = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const code = useSecondFactorCode();
  const verify = useMutation({
    mutationFn: async (totp: string) => {
      await unwrap(api.POST('/api/v1/auth/two-factor/verify', { body: { totp } }));
      if (!(await renewSession())) throw new ApiProblem(401, undefined);
    },
    onSuccess: () => navigate(next, { replace: true }),
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 403) code.refuse();
    },
  });
  if (state.status !== 'signed-in') return <Navigate to={`/masuk?${new URLSearchParams({ next })}`} replace />;
  if (!state.codeOnly) return <Navigate to={next} replace />;
  const wrongCode = verify.error instanceof ApiProblem && verify.error.status === 403;
  const switchMode = () => {
    code.toggle();
    verify.reset();
  };
  return (
    <AuthFrame title={t('signIn.totpTitle')}>
      <form onSubmit={code.form.onSubmit(({ code: value }) => verify.mutate(value.trim()))} noValidate>
        <Stack>
          <SecondFactorCodeField code={code} />
          <SubmitWithProblem mutation={{ ...verify, isError: verify.isError && !wrongCode }}>{t('signIn.verify')}</SubmitWithProblem>
          <Anchor component="button" type="button" size="sm" onClick={switchMode}>
            {t(code.recovery ? 'signIn.useApp' : 'signIn.useRecovery')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={() => endSession('signed-out')}>
            {t('signIn.back')}
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}

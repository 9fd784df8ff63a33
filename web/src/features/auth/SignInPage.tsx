/**
 * Masuk: region (remembered), user name (NIP or email) and password, or the region's single
 * sign-on; then the second factor when the account asks for it (the same sign-in repeated with
 * `totp`: the app's code or a recovery code); then back to the page the caller came from, or to
 * the two-factor set-up when the region requires one of its admins. An expired session and a
 * failed single sign-on say so here.
 */
import { Alert, Anchor, Button, Center, Divider, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { fieldErrors } from '../../components/problem-text';
import { SubmitWithProblem } from '../../components/SubmitWithProblem';
import { useI18n } from '../../i18n';
import { renewSession } from '../../lib/api/client';
import { useSession } from '../../lib/api/use-session';
import { AuthFrame } from './AuthFrame';
import { asksForSecondFactor, type Credentials, useSignIn } from './queries';
import { SecondFactorCodeField, useSecondFactorCode } from './second-factor-code';
import { readSsoNext, rememberSsoNext, ssoReason, useSignInMethods } from './sign-in-methods';

const lastTenantKey = 'bangkom.tenant';

/** A page inside the console to go back to; anything else goes home. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/masuk') ? next : '/';
}

export function SignInPage() {
  const [params] = useSearchParams();
  const state = useSession();
  const sso = params.get('sso');
  const next = sso === 'ok' ? safeNext(readSsoNext()) : safeNext(params.get('next'));
  if (state.status === 'signed-in') {
    if (state.codeOnly) return <Navigate to={`/masuk/kode?${new URLSearchParams({ next })}`} replace />;
    if (state.setupOnly) return <Navigate to={`/masuk/dua-faktor?${new URLSearchParams({ next })}`} replace />;
    return <Navigate to={next} replace />;
  }
  if (sso === 'ok') return <SsoReturn next={next} />;
  return (
    <PasswordSignIn
      next={next}
      expired={params.get('reason') === 'expired'}
      ssoFailure={sso === 'gagal' ? params.get('alasan') : undefined}
    />
  );
}

/** Back from the identity provider: the callback set the refresh cookie; a renewal turns it into a session. */
function SsoReturn({ next }: { next: string }) {
  const { t } = useI18n();
  const state = useSession();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    // While the page load's own renewal runs the state is 'starting'; try once more only if it ended signed out.
    if (state.status !== 'signed-out') return;
    let live = true;
    void renewSession().then((renewed) => {
      if (live && !renewed) setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [state.status]);
  if (failed) return <PasswordSignIn next={next} expired={false} ssoFailure="sesi" />;
  return (
    <AuthFrame title={t('signIn.title')}>
      <Center py="lg">
        <Loader aria-label={t('sso.finishing')} />
      </Center>
      <Text size="sm" ta="center" role="status">
        {t('sso.finishing')}
      </Text>
    </AuthFrame>
  );
}

function PasswordSignIn({ next, expired, ssoFailure }: { next: string; expired: boolean; ssoFailure: string | null | undefined }) {
  const { t } = useI18n();
  const signIn = useSignIn();
  const [pending, setPending] = useState<Credentials>();
  const form = useForm({
    initialValues: { tenant: localStorage.getItem(lastTenantKey) ?? '', username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('signIn.required')),
      password: (v) => (v ? null : t('signIn.required')),
    },
  });
  const [tenant] = useDebouncedValue(form.values.tenant.trim().toLowerCase(), 300);
  const methods = useSignInMethods(tenant);
  const ssoStart = methods.data?.sso?.startUrl;

  if (pending) return <SecondFactorStep credentials={pending} onBack={() => setPending(undefined)} />;

  const submit = form.onSubmit((values) => {
    const credentials = { tenant: values.tenant.trim().toLowerCase(), username: values.username.trim(), password: values.password };
    localStorage.setItem(lastTenantKey, credentials.tenant);
    signIn.mutate(credentials, {
      onError: (error) => {
        if (!asksForSecondFactor(error)) return form.setErrors(fieldErrors(error, t));
        signIn.reset();
        setPending(credentials);
      },
    });
  });

  return (
    <AuthFrame title={t('signIn.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {expired ? (
            <Alert color="yellow" role="status">
              {t('signIn.expired')}
            </Alert>
          ) : null}
          {ssoFailure ? (
            <Alert color="red" role="alert" title={t('sso.failed')}>
              {t(ssoFailure === 'sesi' ? 'sso.reason.session' : ssoReason(ssoFailure))}
            </Alert>
          ) : null}
          <TextInput
            label={t('signIn.tenant')}
            description={t('signIn.tenantHelp')}
            autoComplete="organization"
            autoCapitalize="none"
            {...form.getInputProps('tenant')}
          />
          {ssoStart ? (
            <>
              <Button component="a" href={ssoStart} variant="default" onClick={() => rememberSsoNext(next)}>
                {t('sso.button')}
              </Button>
              <Divider label={t('sso.or')} labelPosition="center" />
            </>
          ) : null}
          <TextInput
            label={t('signIn.username')}
            autoComplete="username"
            autoCapitalize="none"
            required
            {...form.getInputProps('username')}
          />
          <PasswordInput label={t('signIn.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <SubmitWithProblem mutation={signIn} texts={{ unauthenticated: 'signIn.wrong' }}>
            {t('signIn.submit')}
          </SubmitWithProblem>
          <Anchor component={Link} to="/aktivasi" size="sm">
            {t('signIn.activate')}
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}

/** The second factor: the same sign-in again, with the app's 6-digit code or a recovery code as `totp`. */
function SecondFactorStep({ credentials, onBack }: { credentials: Credentials; onBack: () => void }) {
  const { t } = useI18n();
  const signIn = useSignIn();
  const code = useSecondFactorCode();
  const wrongCode = asksForSecondFactor(signIn.error);
  const submit = code.form.onSubmit(({ code: value }) =>
    signIn.mutate({ ...credentials, totp: value.trim() }, { onError: (error) => asksForSecondFactor(error) && code.refuse() }),
  );
  const switchMode = () => {
    code.toggle();
    signIn.reset();
  };
  return (
    <AuthFrame title={t('signIn.totpTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SecondFactorCodeField code={code} />
          <SubmitWithProblem mutation={{ ...signIn, isError: signIn.isError && !wrongCode }} texts={{ unauthenticated: 'signIn.wrong' }}>
            {t('signIn.verify')}
          </SubmitWithProblem>
          <Anchor component="button" type="button" size="sm" onClick={switchMode}>
            {t(code.recovery ? 'signIn.useApp' : 'signIn.useRecovery')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={onBack}>
            {t('signIn.back')}
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}

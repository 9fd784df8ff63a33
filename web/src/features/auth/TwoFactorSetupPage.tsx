/**
 * Verifikasi dua langkah: the set-up of an authenticator app, required of the admins of a region
 * that asks for it (their sign-in gives a token that reaches only this). The otpauth:// URI is
 * shown as a QR code to scan, the secret as text beside it (and the URI as a link, which a phone
 * opens in its authenticator app); a code of the new
 * secret turns it on; the ten recovery codes are shown once; a renewal then gives the full token.
 */
import { Alert, Anchor, Box, Button, Center, Checkbox, Code, CopyButton, Group, List, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QrCode } from '../../components/QrCode';
import { SubmitWithProblem } from '../../components/SubmitWithProblem';
import { useI18n } from '../../i18n';
import { ApiProblem } from '../../lib/api/problem';
import { useSession } from '../../lib/api/use-session';
import { AuthFrame } from './AuthFrame';
import { useConfirmTwoFactor, useFinishTwoFactor, useStartTwoFactor } from './queries';
import { safeNext } from './SignInPage';

/** A base32 secret in groups of four, easier to type. */
export const groupSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

export function TwoFactorSetupPage() {
  const { t } = useI18n();
  const state = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  if (state.status === 'starting') {
    return (
      <Center h="100vh">
        <Loader aria-label={t('state.loading')} />
      </Center>
    );
  }
  if (state.status === 'signed-out') return <Navigate to="/masuk" replace />;
  return (
    <AuthFrame title={t('twoFactor.title')}>
      <TwoFactorSetup next={next} required={state.setupOnly} />
    </AuthFrame>
  );
}

function TwoFactorSetup({ next, required }: { next: string; required: boolean }) {
  const { t } = useI18n();
  const start = useStartTwoFactor();
  const confirm = useConfirmTwoFactor();
  const [codes, setCodes] = useState<string[]>();
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (v) => (/^\d{6}$/.test(v.trim()) ? null : t('signIn.totpFormat')) },
  });

  if (codes) return <RecoveryCodes codes={codes} next={next} />;

  if (!start.data) {
    return (
      <Stack>
        {required ? (
          <Alert color="blue" role="status">
            {t('twoFactor.required')}
          </Alert>
        ) : null}
        <Text size="sm">{t('twoFactor.intro')}</Text>
        {start.isError ? <ProblemAlert error={start.error} texts={{ conflict: 'twoFactor.alreadyOn' }} /> : null}
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t('twoFactor.start')}
        </Button>
      </Stack>
    );
  }

  const { secret, otpauthUri } = start.data;
  const wrongCode = confirm.error instanceof ApiProblem && confirm.error.status === 422;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ code }) =>
        confirm.mutate(code.trim(), {
          onSuccess: (answer) => setCodes(answer.recoveryCodes),
          onError: (error) => error instanceof ApiProblem && error.status === 422 && form.setFieldError('code', t('twoFactor.wrongCode')),
        }),
      )}
    >
      <Stack>
        <List type="ordered" size="sm" spacing="xs">
          <List.Item>{t('twoFactor.stepApp')}</List.Item>
          <List.Item>
            {t('twoFactor.stepQr')}
            <Box mt={4}>
              <QrCode text={otpauthUri} label={t('twoFactor.qrLabel')} />
            </Box>
            {t('twoFactor.stepSecret')}
            {/* The groups wrap on a narrow card instead of running out of it. */}
            <Code block mt={4} fz="md" style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }} data-testid="totp-secret">
              {groupSecret(secret)}
            </Code>
            <Anchor href={otpauthUri} size="sm">
              {t('twoFactor.openApp')}
            </Anchor>
          </List.Item>
          <List.Item>{t('twoFactor.stepCode')}</List.Item>
        </List>
        <TextInput
          label={t('signIn.totpCode')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          {...form.getInputProps('code')}
        />
        <SubmitWithProblem mutation={{ ...confirm, isError: confirm.isError && !wrongCode }}>{t('twoFactor.confirm')}</SubmitWithProblem>
      </Stack>
    </form>
  );
}

function RecoveryCodes({ codes, next }: { codes: string[]; next: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const finish = useFinishTwoFactor();
  const [kept, setKept] = useState(false);
  return (
    <Stack>
      <Alert color="teal" role="status" title={t('twoFactor.on')}>
        {t('twoFactor.recoveryHelp')}
      </Alert>
      <Code block fz="md" aria-label={t('twoFactor.recoveryCodes')} data-testid="recovery-codes">
        {codes.join('\n')}
      </Code>
      <Group>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" size="xs" onClick={copy}>
              {copied ? t('twoFactor.copied') : t('twoFactor.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Checkbox label={t('twoFactor.kept')} checked={kept} onChange={(e) => setKept(e.currentTarget.checked)} />
      {finish.isError ? <ProblemAlert error={finish.error} /> : null}
      <Button
        disabled={!kept}
        loading={finish.isPending}
        onClick={() => finish.mutate(undefined, { onSuccess: () => void navigate(next, { replace: true }) })}
      >
        {t('twoFactor.continue')}
      </Button>
    </Stack>
  );
}

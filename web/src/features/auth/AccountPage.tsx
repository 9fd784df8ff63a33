/**
 * Akun: change the password (the rules shown, refusals beside the fields), an admin's two-step
 * verification, an employee's notification e-mail (NotificationPreferences), sign out here or on
 * every device.
 */
import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrors } from '../../components/problem-text';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useMe } from '../../lib/api/caller';
import { ApiProblem } from '../../lib/api/problem';
import { NotificationPreferences } from '../notifications/NotificationPreferences';
import { checkLength, PasswordRules, passwordProblem } from './password-rules';
import { useChangePassword, useSignOut } from './queries';

export function AccountPage() {
  const { t } = useI18n();
  const change = useChangePassword();
  const signOut = useSignOut();
  const me = useMe();
  const admin = me.data?.roles.some((role) => role === 'tenant_admin' || role === 'national_admin') ?? false;
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('signIn.required')),
      newPassword: (v) => checkLength(v, t),
      repeat: (v, values) => (v === values.newPassword ? null : t('password.mismatch')),
    },
  });
  // Beside their fields: a refused new password, a wrong current one (403); anything else above the button.
  const besideField = change.error instanceof ApiProblem && (passwordProblem(change.error, t) !== undefined || change.error.status === 403);
  return (
    <Stack>
      <Section title={t('password.title')} id="password">
        <form
          noValidate
          onSubmit={form.onSubmit(({ currentPassword, newPassword }) =>
            change.mutate(
              { currentPassword, newPassword },
              {
                onSuccess: () => form.reset(),
                onError: (e) => {
                  const refused = passwordProblem(e, t);
                  const { password: _password, ...others } = fieldErrors(e, t);
                  form.setErrors({
                    ...others,
                    ...(refused ? { newPassword: refused } : {}),
                    ...(e instanceof ApiProblem && e.status === 403 ? { currentPassword: t('password.currentWrong') } : {}),
                  });
                },
              },
            ),
          )}
        >
          <Stack maw={420}>
            <PasswordInput label={t('password.current')} autoComplete="current-password" {...form.getInputProps('currentPassword')} />
            <PasswordRules id="account-password-rules" />
            <PasswordInput label={t('password.new')} autoComplete="new-password" {...form.getInputProps('newPassword')} />
            <PasswordInput label={t('password.repeat')} autoComplete="new-password" {...form.getInputProps('repeat')} />
            {change.isError && !besideField ? <ProblemAlert error={change.error} /> : null}
            {change.isSuccess ? (
              <Alert color="teal" role="status">
                {t('password.changed')}
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" loading={change.isPending}>
                {t('password.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Section>
      {admin ? (
        <Section title={t('twoFactor.title')} id="two-factor">
          <Text size="sm" mb="sm">
            {t('twoFactor.intro')}
          </Text>
          <Button component={Link} to="/masuk/dua-faktor?next=%2Fakun" variant="default">
            {t('twoFactor.setUp')}
          </Button>
        </Section>
      ) : null}
      {me.data?.employee ? <NotificationPreferences /> : null}
      <Section title={t('signOut.title')} id="sign-out">
        <Text size="sm" mb="sm">
          {t('signOut.help')}
        </Text>
        <Group>
          <Button variant="default" onClick={() => signOut.mutate(false)} loading={signOut.isPending && !signOut.variables}>
            {t('signOut.here')}
          </Button>
          <Button color="red" variant="light" onClick={() => signOut.mutate(true)} loading={signOut.isPending && signOut.variables}>
            {t('signOut.everywhere')}
          </Button>
        </Group>
      </Section>
    </Stack>
  );
}

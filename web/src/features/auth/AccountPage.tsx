/** Akun: change the password, sign out here or on every device. */
import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrors } from '../../components/problem-text';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useChangePassword, useSignOut } from './queries';

export function AccountPage() {
  const { t } = useI18n();
  const change = useChangePassword();
  const signOut = useSignOut();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('signIn.required')),
      newPassword: (v) => (v.length >= 12 ? null : t('password.tooShort')),
      repeat: (v, values) => (v === values.newPassword ? null : t('password.mismatch')),
    },
  });
  return (
    <Stack>
      <Section title={t('password.title')} id="password">
        <form
          noValidate
          onSubmit={form.onSubmit(({ currentPassword, newPassword }) =>
            change.mutate(
              { currentPassword, newPassword },
              { onSuccess: () => form.reset(), onError: (e) => form.setErrors(fieldErrors(e, t)) },
            ),
          )}
        >
          <Stack maw={420}>
            <PasswordInput label={t('password.current')} autoComplete="current-password" {...form.getInputProps('currentPassword')} />
            <PasswordInput label={t('password.new')} autoComplete="new-password" {...form.getInputProps('newPassword')} />
            <PasswordInput label={t('password.repeat')} autoComplete="new-password" {...form.getInputProps('repeat')} />
            {change.isError ? <ProblemAlert error={change.error} /> : null}
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
      <Section title={t('signOut.title')} id="sign-out">
        <Text size="sm" mb="sm">
          {t('signOut.help')}
        </Text>
        <Group>
          <Button variant="default" onClick={() => signOut.mutate(false)}>
            {t('signOut.here')}
          </Button>
          <Button color="red" variant="light" onClick={() => signOut.mutate(true)}>
            {t('signOut.everywhere')}
          </Button>
        </Group>
      </Section>
    </Stack>
  );
}

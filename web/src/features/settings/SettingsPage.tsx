/**
 * Pengaturan: the region's rules. The JP target per employment type and the self-assessment rule
 * (the tenant settings), the days after a training before the supervisor evaluates behaviour (L3,
 * the evaluation settings) and whether admins must use a second factor (the sign-in settings,
 * whose single sign-on is sent back as read) — each saved at the version read, someone else's save
 * since said with a reload that brings theirs into the form. The certificate settings (numbering,
 * signing official) are a section of their own (features/certificates), reached at #sertifikat.
 */
import { Alert, Button, NumberInput, Radio, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrors } from '../../components/problem-text';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { CertificateSettingsForm } from '../certificates/CertificateSettingsForm';
import { useCertificateSettings } from '../certificates/queries';
import {
  type SignInSettings,
  type TenantSettingsInput,
  useEvaluationSettings,
  useSaveEvaluationSettings,
  useSaveSignInSettings,
  useSaveTenantSettings,
  useSignInSettings,
  useTenantSettings,
} from './queries';

type TenantSettings = NonNullable<ReturnType<typeof useTenantSettings>['data']>;
type EvaluationSettings = NonNullable<ReturnType<typeof useEvaluationSettings>['data']>;

const rules = ['until_other_source', 'by_date'] as const;

function Saved({ show }: { show: boolean }) {
  const { t } = useI18n();
  return show ? (
    <Text size="sm" c="teal.8" role="status">
      {t('set.saved')}
    </Text>
  ) : null;
}

function TenantSettingsForm({ settings }: { settings: TenantSettings }) {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const save = useSaveTenantSettings(slug);
  const read = useTenantSettings(slug);
  const version = useRef(settings.version);
  const [saved, setSaved] = useState(false);
  const valuesOf = (s: TenantSettings) => ({
    pns: s.jpTargets.pns as number | string,
    pppk: s.jpTargets.pppk as number | string,
    selfAssessments: s.selfAssessments,
  });
  const target = (v: number | string) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 200 ? null : t('set.jp.targetInvalid');
  const form = useForm({ initialValues: valuesOf(settings), validate: { pns: target, pppk: target } });
  const reload = async () => {
    const latest = await read.refetch();
    if (latest.data) {
      version.current = latest.data.version;
      form.setValues(valuesOf(latest.data));
    }
    save.reset();
  };
  const submit = form.onSubmit((v) => {
    setSaved(false);
    const body: TenantSettingsInput = { selfAssessments: v.selfAssessments, jpTargets: { pns: Number(v.pns), pppk: Number(v.pppk) } };
    save.mutate(
      { version: version.current, body },
      {
        onSuccess: (s) => {
          version.current = s.version;
          form.resetDirty();
          setSaved(true);
        },
        onError: (e) => {
          const errors = fieldErrors(e, t);
          form.setErrors({ pns: errors['jpTargets.pns'], pppk: errors['jpTargets.pppk'] });
        },
      },
    );
  });
  return (
    <form noValidate onSubmit={submit} aria-label={t('set.tenant.title')}>
      <Stack>
        <Text size="sm">{t('set.jp.intro')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('set.jp.pns')}
            description={t('set.jp.pnsHelp')}
            min={1}
            max={200}
            allowDecimal={false}
            {...form.getInputProps('pns')}
          />
          <NumberInput
            label={t('set.jp.pppk')}
            description={t('set.jp.pppkHelp')}
            min={1}
            max={200}
            allowDecimal={false}
            {...form.getInputProps('pppk')}
          />
        </SimpleGrid>
        <Radio.Group label={t('set.self.label')} {...form.getInputProps('selfAssessments')}>
          <Stack gap="xs" mt="xs">
            {rules.map((r) => (
              <Radio key={r} value={r} label={t(`set.self.${r}` as const)} description={t(`set.self.${r}.help` as const)} />
            ))}
          </Stack>
        </Radio.Group>
        {form.values.selfAssessments !== settings.selfAssessments ? (
          <Alert color="blue" variant="light">
            {t('set.self.changing')}
          </Alert>
        ) : null}
        {save.isError ? <ProblemAlert error={save.error} onReload={() => void reload()} /> : null}
        <Stack gap={4} align="flex-start">
          <Button type="submit" loading={save.isPending}>
            {t('set.save')}
          </Button>
          <Saved show={saved && !form.isDirty()} />
          <Text size="xs" c="dimmed">
            {t('set.version', { version: version.current })}
          </Text>
        </Stack>
      </Stack>
    </form>
  );
}

function EvaluationSettingsForm({ settings }: { settings: EvaluationSettings }) {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const save = useSaveEvaluationSettings(slug);
  const read = useEvaluationSettings(slug);
  const version = useRef(settings.version);
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initialValues: { l3WaitingDays: settings.l3WaitingDays as number | string },
    validate: {
      l3WaitingDays: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 365 ? null : t('set.l3.invalid')),
    },
  });
  const reload = async () => {
    const latest = await read.refetch();
    if (latest.data) {
      version.current = latest.data.version;
      form.setValues({ l3WaitingDays: latest.data.l3WaitingDays });
    }
    save.reset();
  };
  const submit = form.onSubmit((v) => {
    setSaved(false);
    save.mutate(
      { version: version.current, l3WaitingDays: Number(v.l3WaitingDays) },
      {
        onSuccess: (s) => {
          version.current = s.version;
          form.resetDirty();
          setSaved(true);
        },
        onError: (e) => form.setErrors(fieldErrors(e, t)),
      },
    );
  });
  return (
    <form noValidate onSubmit={submit} aria-label={t('set.evaluation.title')}>
      <Stack>
        <NumberInput
          label={t('set.l3.label')}
          description={t('set.l3.help')}
          min={0}
          max={365}
          allowDecimal={false}
          maw={320}
          {...form.getInputProps('l3WaitingDays')}
        />
        {save.isError ? <ProblemAlert error={save.error} onReload={() => void reload()} /> : null}
        <Stack gap={4} align="flex-start">
          <Button type="submit" loading={save.isPending}>
            {t('set.save')}
          </Button>
          <Saved show={saved && !form.isDirty()} />
          <Text size="xs" c="dimmed">
            {t('set.version', { version: version.current })}
          </Text>
        </Stack>
      </Stack>
    </form>
  );
}

function SignInSettingsForm({ settings }: { settings: SignInSettings }) {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const save = useSaveSignInSettings(slug);
  const read = useSignInSettings(slug);
  // The version and the single sign-on the form was filled from: a save sends both back as read.
  const base = useRef(settings);
  const [required, setRequired] = useState(settings.requireAdminTotp);
  const [saved, setSaved] = useState(false);
  const reload = async () => {
    const latest = await read.refetch();
    if (latest.data) {
      base.current = latest.data;
      setRequired(latest.data.requireAdminTotp);
    }
    save.reset();
  };
  return (
    <form
      noValidate
      aria-label={t('set.signIn.title')}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        const { version, sso } = base.current;
        save.mutate(
          { version, body: { sso, requireAdminTotp: required } },
          {
            onSuccess: (s) => {
              base.current = s;
              setSaved(true);
            },
          },
        );
      }}
    >
      <Stack>
        <Switch
          label={t('set.signIn.adminTotp')}
          description={t('set.signIn.adminTotpHelp')}
          checked={required}
          onChange={(e) => {
            setSaved(false);
            setRequired(e.currentTarget.checked);
          }}
        />
        <Text size="xs" c="dimmed">
          {base.current.sso ? t('set.signIn.sso', { issuer: base.current.sso.issuer }) : t('set.signIn.noSso')}
        </Text>
        {save.isError ? <ProblemAlert error={save.error} onReload={() => void reload()} /> : null}
        <Stack gap={4} align="flex-start">
          <Button type="submit" loading={save.isPending}>
            {t('set.save')}
          </Button>
          <Saved show={saved && required === base.current.requireAdminTotp} />
          <Text size="xs" c="dimmed">
            {t('set.version', { version: base.current.version })}
          </Text>
        </Stack>
      </Stack>
    </form>
  );
}

export function SettingsPage() {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const tenant = useTenantSettings(slug);
  const evaluation = useEvaluationSettings(slug);
  const signIn = useSignInSettings(slug);
  const certificate = useCertificateSettings(slug);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('set.title')}
      </Title>
      <Section title={t('set.tenant.title')}>
        <QueryState query={tenant} lines={5}>
          {(s) => <TenantSettingsForm settings={s} />}
        </QueryState>
      </Section>
      <Section title={t('set.evaluation.title')}>
        <QueryState query={evaluation} lines={2}>
          {(s) => <EvaluationSettingsForm settings={s} />}
        </QueryState>
      </Section>
      <Section title={t('set.signIn.title')}>
        <QueryState query={signIn} lines={2}>
          {(s) => <SignInSettingsForm settings={s} />}
        </QueryState>
      </Section>
      <Section title={t('cert.settingsTitle')} id="sertifikat">
        <QueryState query={certificate} lines={6}>
          {(s) => <CertificateSettingsForm settings={s} />}
        </QueryState>
      </Section>
    </Stack>
  );
}

/**
 * The certificate settings in Pengaturan: the number pattern, the issuing unit's code, the place of
 * issue and the signing official (name, NIP, position; all three or none). Saved at the version
 * read; someone else's save since is said with a reload that brings theirs into the form. A
 * pattern the server refuses is said beside the field, in the server's words.
 */
import { Button, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { ApiProblem } from '../../lib/api/problem';
import { type CertificateSettings, type CertificateSettingsInput, useCertificateSettings, useSaveCertificateSettings } from './queries';

const valuesOf = (s: CertificateSettings) => ({
  numberPattern: s.numberPattern,
  issuerUnit: s.issuerUnit,
  issuedPlace: s.issuedPlace ?? '',
  officialName: s.official?.name ?? '',
  officialNip: s.official?.nip ?? '',
  officialTitle: s.official?.title ?? '',
});
type Values = ReturnType<typeof valuesOf>;

const officialOf = (v: Values): CertificateSettingsInput['official'] =>
  v.officialName.trim() === '' && v.officialNip.trim() === '' && v.officialTitle.trim() === ''
    ? null
    : { name: v.officialName.trim(), nip: v.officialNip.trim(), title: v.officialTitle.trim() };

export function CertificateSettingsForm({ settings }: { settings: CertificateSettings }) {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const save = useSaveCertificateSettings(slug);
  const read = useCertificateSettings(slug);
  const version = useRef(settings.version);
  const [saved, setSaved] = useState(false);
  const partly = (v: Values) => officialOf(v) !== null && (!v.officialName.trim() || !v.officialNip.trim() || !v.officialTitle.trim());
  const form = useForm({
    initialValues: valuesOf(settings),
    validate: {
      numberPattern: (v) => (v.trim() ? null : t('cert.patternRequired')),
      issuerUnit: (v) => (/^[A-Z0-9][A-Z0-9.-]{0,29}$/.test(v) ? null : t('cert.issuerUnitInvalid')),
      officialName: (v, all) => (partly(all) && !v.trim() ? t('cert.officialIncomplete') : null),
      officialNip: (v, all) =>
        v.trim() && !/^\d{18}$/.test(v.trim()) ? t('cert.nipInvalid') : partly(all) && !v.trim() ? t('cert.officialIncomplete') : null,
      officialTitle: (v, all) => (partly(all) && !v.trim() ? t('cert.officialIncomplete') : null),
    },
  });
  const reload = async () => {
    const latest = await read.refetch();
    if (latest.data) {
      version.current = latest.data.version;
      form.setValues(valuesOf(latest.data));
      form.resetDirty(valuesOf(latest.data));
    }
    save.reset();
  };
  const submit = form.onSubmit((v) => {
    setSaved(false);
    const body: CertificateSettingsInput = {
      numberPattern: v.numberPattern.trim(),
      issuerUnit: v.issuerUnit,
      issuedPlace: v.issuedPlace.trim() || null,
      official: officialOf(v),
    };
    save.mutate(
      { version: version.current, body },
      {
        onSuccess: (s) => {
          version.current = s.version;
          form.resetDirty();
          setSaved(true);
        },
        onError: (e) => {
          if (!(e instanceof ApiProblem)) return;
          // The server's own words for a refused pattern ("needs {year}") say more than a generic line.
          const f = e.fields;
          form.setErrors({
            numberPattern: f.numberPattern,
            issuerUnit: f.issuerUnit,
            issuedPlace: f.issuedPlace,
            officialName: f['official.name'],
            officialNip: f['official.nip'],
            officialTitle: f['official.title'],
          });
        },
      },
    );
  });
  return (
    <form noValidate onSubmit={submit} aria-label={t('cert.settingsTitle')}>
      <Stack>
        <Text size="sm">{t('cert.settingsIntro')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('cert.numberPattern')}
            description={t('cert.numberPatternHelp')}
            autoComplete="off"
            {...form.getInputProps('numberPattern')}
          />
          <TextInput
            label={t('cert.issuerUnit')}
            description={t('cert.issuerUnitHelp')}
            autoComplete="off"
            {...form.getInputProps('issuerUnit')}
          />
          <TextInput label={t('cert.issuedPlace')} description={t('cert.issuedPlaceHelp')} {...form.getInputProps('issuedPlace')} />
        </SimpleGrid>
        <Title order={3} size="h5">
          {t('cert.officialTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('cert.officialName')} autoComplete="off" {...form.getInputProps('officialName')} />
          <TextInput label={t('cert.officialNip')} inputMode="numeric" autoComplete="off" {...form.getInputProps('officialNip')} />
          <TextInput label={t('cert.officialPosition')} autoComplete="off" {...form.getInputProps('officialTitle')} />
        </SimpleGrid>
        {save.isError ? <ProblemAlert error={save.error} onReload={() => void reload()} /> : null}
        <Stack gap={4} align="flex-start">
          <Button type="submit" loading={save.isPending}>
            {t('set.save')}
          </Button>
          {saved && !form.isDirty() ? (
            <Text size="sm" c="teal.9" role="status">
              {t('set.saved')}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('set.version', { version: version.current })}
          </Text>
        </Stack>
      </Stack>
    </form>
  );
}

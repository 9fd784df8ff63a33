/**
 * Orientasi wilayah: a region's manifest uploaded (or pasted), checked and previewed — what
 * applying it would create, update and leave alone — then applied. Errors come back by path in
 * the manifest; the preview is of the text as it stands, so an edit asks for a new preview.
 */
import { Alert, Anchor, Button, FileInput, Group, List, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { ApiProblem } from '../../lib/api/problem';
import { parseManifest, readablePath } from './manifest-text';
import { type OnboardingPreview, useOnboard, useOnboardingPreview } from './queries';
import { ScrollTable } from './ScrollTable';

const kinds = ['units', 'positions', 'competencies', 'standards'] as const;

function FieldErrors({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!(error instanceof ApiProblem) || Object.keys(error.fields).length === 0) return <ProblemAlert error={error} />;
  return (
    <Alert color="red" title={t('onboarding.invalid')} role="alert" data-testid="manifest-errors">
      <List size="sm" spacing={4}>
        {Object.entries(error.fields).map(([path, message]) => (
          <List.Item key={path}>
            <Text span ff="monospace" size="sm" fw={600}>
              {readablePath(path)}
            </Text>
            : {message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function PreviewTable({ preview }: { preview: OnboardingPreview }) {
  const { t } = useI18n();
  return (
    <ScrollTable label={t('onboarding.previewTitle')} minWidth={320}>
      <Table data-testid="preview-table" withTableBorder>
        <Table.Caption>{t('onboarding.previewCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('onboarding.kind')}</Table.Th>
            <Table.Th>{t('onboarding.created')}</Table.Th>
            <Table.Th>{t('onboarding.updated')}</Table.Th>
            <Table.Th>{t('onboarding.unchanged')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kinds.map((kind) => (
            <Table.Tr key={kind}>
              <Table.Th scope="row">{t(`onboarding.kind.${kind}`)}</Table.Th>
              <Table.Td>{preview[kind].created}</Table.Td>
              <Table.Td>{preview[kind].updated}</Table.Td>
              <Table.Td>{preview[kind].unchanged}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function OnboardingPage() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [previewed, setPreviewed] = useState<string>();
  const [localError, setLocalError] = useState<string>();
  const preview = useOnboardingPreview();
  const onboard = useOnboard();
  const current = preview.data !== undefined && previewed === text;

  const load = async (file: File | null) => {
    preview.reset();
    onboard.reset();
    setText(file ? await file.text() : '');
  };
  const check = () => {
    onboard.reset();
    const parsed = parseManifest(text);
    if (!parsed.ok) {
      preview.reset();
      setLocalError(parsed.reason === 'syntax' ? t('onboarding.notJson', { detail: parsed.detail }) : t(`onboarding.${parsed.reason}`));
      return;
    }
    setLocalError(undefined);
    preview.mutate(parsed.manifest, { onSuccess: () => setPreviewed(text) });
  };
  const apply = () => {
    const parsed = parseManifest(text);
    if (parsed.ok) onboard.mutate(parsed.manifest);
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('onboarding.title')}
      </Title>
      <Text size="sm">{t('onboarding.intro')}</Text>
      <Section title={t('onboarding.manifestTitle')}>
        <Stack gap="sm">
          <FileInput
            label={t('onboarding.file')}
            description={t('onboarding.fileHelp')}
            accept="application/json,.json"
            clearable
            clearButtonProps={{ 'aria-label': t('onboarding.clearFile') }}
            onChange={(file) => void load(file)}
          />
          <Textarea
            label={t('onboarding.text')}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              onboard.reset();
            }}
            autosize
            minRows={6}
            maxRows={18}
            styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
          />
          <Group>
            <Button onClick={check} loading={preview.isPending} variant={current ? 'default' : 'filled'}>
              {t('onboarding.preview')}
            </Button>
          </Group>
          {localError ? (
            <Alert color="red" role="alert" title={t('onboarding.invalid')}>
              <Text size="sm">{localError}</Text>
            </Alert>
          ) : null}
          {preview.isError ? <FieldErrors error={preview.error} /> : null}
        </Stack>
      </Section>
      {current && preview.data ? (
        <Section title={t('onboarding.previewTitle')}>
          <Stack gap="sm">
            <Text size="sm" data-testid="preview-summary">
              {!preview.data.changed
                ? t('onboarding.nothing', { slug: preview.data.slug })
                : preview.data.exists
                  ? t('onboarding.willUpdate', { slug: preview.data.slug })
                  : t('onboarding.willCreate', { slug: preview.data.slug })}
            </Text>
            {preview.data.directoryChanges.length > 0 ? (
              <Text size="sm">{t('onboarding.directoryChanges', { fields: preview.data.directoryChanges.join(', ') })}</Text>
            ) : null}
            <PreviewTable preview={preview.data} />
            <Group>
              <Button onClick={apply} loading={onboard.isPending} disabled={!preview.data.changed || onboard.isSuccess}>
                {t('onboarding.apply')}
              </Button>
            </Group>
            {onboard.isError ? <FieldErrors error={onboard.error} /> : null}
            {onboard.data ? (
              <Alert color="teal" role="status" title={onboard.data.changed ? t('onboarding.applied') : t('onboarding.appliedNothing')}>
                <Anchor component={Link} to="/nasional/wilayah" size="sm">
                  {t('onboarding.toDirectory')}
                </Anchor>
              </Alert>
            ) : null}
          </Stack>
        </Section>
      ) : null}
    </Stack>
  );
}

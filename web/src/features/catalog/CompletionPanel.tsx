/**
 * The end of an offering: the same completion (attendance, passed, the day) recorded for every
 * chosen place at once; then, for the completed, the L2 pre/post scores as a grid that opens with
 * the recorded ones and saves only the lines changed, all or none (the answer gives each
 * participant's gain and normalized gain), and their certificates: one by one, or every passed
 * participant's at once as a job, each then downloadable as PDF.
 */
import { Badge, Button, Checkbox, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { CertificateBatch, NoOfficialNotice } from '../certificates/CertificateBatch';
import { lacksOfficial, useDownloadCertificate } from '../certificates/queries';
import {
  type QueueEntry,
  type ScoreLine,
  useCompleteMany,
  useIssueCertificate,
  useOfferingCertificates,
  useOfferingScores,
  useSaveScores,
} from './queries';

export function CompletionForm({ ids, defaultDay, onDone }: { ids: string[]; defaultDay: string; onDone: () => void }) {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const complete = useCompleteMany(slug);
  const form = useForm({
    initialValues: { attendance: 100 as number | string, passed: true, completedOn: defaultDay },
    validate: {
      attendance: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100 ? null : t('cat.attendanceRule')),
      completedOn: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('cat.dayRule')),
    },
  });
  const submit = form.onSubmit((v) =>
    complete.mutate(
      { ids, completion: { attendance: Number(v.attendance), passed: v.passed, completedOn: v.completedOn } },
      { onSuccess: (r) => r.failed === 0 && onDone() },
    ),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('cat.completionTitle')}>
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('cat.completionTitle')}
        </Text>
        <Group align="flex-end">
          <NumberInput
            label={t('cat.attendance')}
            min={0}
            max={100}
            suffix=" %"
            allowDecimal={false}
            w={140}
            {...form.getInputProps('attendance')}
          />
          <TextInput type="date" label={t('cat.completedOn')} {...form.getInputProps('completedOn')} />
          <Checkbox label={t('cat.passed')} mb={8} {...form.getInputProps('passed', { type: 'checkbox' })} />
        </Group>
        {complete.data ? (
          <Text size="sm" role="status" c={complete.data.failed > 0 ? 'red.8' : undefined}>
            {t('cat.completedResult', complete.data)}
          </Text>
        ) : null}
        {complete.isError ? <ProblemAlert error={complete.error} /> : null}
        <Group>
          <Button type="submit" disabled={ids.length === 0} loading={complete.isPending}>
            {t('cat.completeChosen', { n: ids.length })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Draft = Record<string, { pre: number | string; post: number | string }>;

const score = (v: number | string | undefined): number | null => (typeof v === 'number' ? v : null);
const decimal = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined ? '—' : v.toLocaleString('id-ID', { maximumFractionDigits: digits });

export function CompletedTable({ offeringId, entries, hasTests }: { offeringId: string; entries: QueueEntry[]; hasTests: boolean }) {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const [draft, setDraft] = useState<Draft>({});
  const save = useSaveScores(slug, offeringId);
  const recorded = useOfferingScores(slug, offeringId, hasTests && entries.length > 0);
  const certificates = useOfferingCertificates(slug, offeringId);
  const issue = useIssueCertificate(slug, offeringId);
  const download = useDownloadCertificate(slug);
  const saved = new Map((save.data?.items ?? recorded.data?.items ?? []).map((s) => [s.enrollmentId, s]));
  const certificateOf = new Map((certificates.data?.items ?? []).filter((c) => c.status === 'valid').map((c) => [c.enrollmentId, c]));
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('cat.noPlaces')}
      </Text>
    );
  }
  // A changed line starts from the recorded scores, so correcting one of them keeps the other.
  const set = (id: string, part: 'pre' | 'post', value: number | string) =>
    setDraft((d) => ({
      ...d,
      [id]: { pre: d[id]?.pre ?? saved.get(id)?.pre ?? '', post: d[id]?.post ?? saved.get(id)?.post ?? '', [part]: value },
    }));
  const waiting = entries.filter((e) => e.passed && !certificateOf.has(e.id)).length;
  const lines: ScoreLine[] = entries
    .filter((e) => e.passed !== null && draft[e.id] !== undefined)
    .map((e) => ({ enrollmentId: e.id, pre: score(draft[e.id]?.pre), post: score(draft[e.id]?.post) }));
  return (
    <Stack gap="sm">
      <CertificateBatch offeringId={offeringId} waiting={waiting} />
      <Table.ScrollContainer minWidth={hasTests ? 720 : 480}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cat.person')}</Table.Th>
              <Table.Th ta="right">{t('cat.attendance')}</Table.Th>
              <Table.Th>{t('cat.result')}</Table.Th>
              {hasTests ? (
                <>
                  <Table.Th>{t('cat.pre')}</Table.Th>
                  <Table.Th>{t('cat.post')}</Table.Th>
                  <Table.Th ta="right">{t('cat.normalizedGain')}</Table.Th>
                </>
              ) : null}
              <Table.Th>{t('cat.certificate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => {
              const cert = certificateOf.get(e.id);
              return (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Text size="sm">{e.employee.name}</Text>
                    <Text size="xs" c="dimmed">
                      {e.employee.nip}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{e.attendance === null ? '—' : `${e.attendance} %`}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={e.passed ? 'green' : 'gray'} autoContrast>
                      {t(e.passed ? 'cat.passed' : 'cat.notPassed')}
                    </Badge>
                  </Table.Td>
                  {hasTests ? (
                    <>
                      {(['pre', 'post'] as const).map((part) => (
                        <Table.Td key={part}>
                          <NumberInput
                            size="xs"
                            w={84}
                            min={0}
                            max={100}
                            decimalScale={2}
                            decimalSeparator=","
                            aria-label={t(part === 'pre' ? 'cat.preOf' : 'cat.postOf', { name: e.employee.name })}
                            value={draft[e.id]?.[part] ?? saved.get(e.id)?.[part] ?? ''}
                            onChange={(v) => set(e.id, part, v)}
                          />
                        </Table.Td>
                      ))}
                      <Table.Td ta="right">{decimal(saved.get(e.id)?.normalizedGain)}</Table.Td>
                    </>
                  ) : null}
                  <Table.Td>
                    {cert ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        loading={download.isPending && download.variables?.id === cert.id}
                        aria-label={t('cert.downloadNamed', { number: cert.number, name: e.employee.name })}
                        onClick={() => download.mutate(cert)}
                      >
                        {cert.number}
                      </Button>
                    ) : e.passed ? (
                      <Button
                        size="compact-xs"
                        variant="light"
                        loading={issue.isPending && issue.variables === e.id}
                        aria-label={t('cat.issueNamed', { name: e.employee.name })}
                        onClick={() => issue.mutate(e.id)}
                      >
                        {t('cat.issue')}
                      </Button>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {issue.isError ? lacksOfficial(issue.error) ? <NoOfficialNotice /> : <ProblemAlert error={issue.error} /> : null}
      {download.isError ? <ProblemAlert error={download.error} /> : null}
      {hasTests ? (
        <>
          {save.isError ? <ProblemAlert error={save.error} /> : null}
          {save.isSuccess ? (
            <Text size="sm" role="status">
              {t('cat.scoresSaved', { n: save.data.items.length })}
            </Text>
          ) : null}
          <Group>
            <Button
              disabled={lines.length === 0}
              loading={save.isPending}
              onClick={() => save.mutate(lines, { onSuccess: () => setDraft({}) })}
            >
              {t('cat.saveScores')}
            </Button>
          </Group>
        </>
      ) : null}
    </Stack>
  );
}

/**
 * Evaluasi › Per program: a program and a year → the levels over its offerings starting in that
 * year: L1 means and how the answers spread over 1…5 per item, L2 pre/post with the group's
 * normalized gain ⟨g⟩, L3, and L4 — the participants' unit indicators before and after, each
 * change judged by the indicator's direction.
 */
import { Badge, Group, NativeSelect, Select, Stack, Table, Text, Title } from '@mantine/core';
import { QueryState } from '../../components/QueryState';
import { type MessageKey, useI18n } from '../../i18n';
import { usePrograms } from '../catalog/queries';
import { ScrollTable } from '../national/ScrollTable';
import { FiguresCard } from './FiguresCard';
import { type L4, type ProgramEvaluation, useProgramEvaluation } from './queries';

const number = (v: number | null, digits = 2) => (v === null ? '—' : v.toLocaleString('id-ID', { maximumFractionDigits: digits }));
const signed = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${number(v)}`);
const points = [1, 2, 3, 4, 5] as const;

export function ProgramSection({
  tenant,
  programId,
  year,
  years,
  unitName,
  onChange,
}: {
  tenant: string | undefined;
  programId: string | null;
  year: number;
  years: number[];
  unitName: (id: string) => string;
  onChange: (changes: { program?: string | null; tahun?: string }) => void;
}) {
  const { t } = useI18n();
  const programs = usePrograms(tenant, {});
  const report = useProgramEvaluation(tenant, programId, year);
  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end">
        <Select
          label={t('evp.program')}
          placeholder={t('evp.pickProgram')}
          searchable
          data={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.title}` }))}
          value={programId}
          onChange={(v) => onChange({ program: v })}
          miw={{ base: '100%', sm: 360 }}
        />
        <NativeSelect
          label={t('evp.year')}
          value={String(year)}
          onChange={(e) => onChange({ tahun: e.currentTarget.value })}
          data={years.map(String)}
        />
      </Group>
      {programId === null ? (
        <Text size="sm" c="dimmed">
          {t('evp.pickFirst')}
        </Text>
      ) : (
        <QueryState query={report} lines={6}>
          {(r) => <ProgramReport report={r} unitName={unitName} />}
        </QueryState>
      )}
    </Stack>
  );
}

function ProgramReport({ report, unitName }: { report: ProgramEvaluation; unitName: (id: string) => string }) {
  const { t } = useI18n();
  return (
    <Stack gap="md" data-testid="program-evaluation">
      <Text size="sm">{t('evp.offerings', { n: report.offerings, year: report.year ?? '' })}</Text>
      <FiguresCard figures={report} />
      <L1Distribution distribution={report.l1Distribution} />
      <section aria-labelledby="ev-l4">
        <Title order={3} size="h5" id="ev-l4" mb={4}>
          {t('evp.l4')}
        </Title>
        {report.l4 === null || report.l4.indicators.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('evp.l4.none')}
          </Text>
        ) : (
          <L4Table l4={report.l4} unitName={unitName} />
        )}
      </section>
    </Stack>
  );
}

function L1Distribution({ distribution }: { distribution: Record<string, number[]> }) {
  const { t } = useI18n();
  const items = Object.entries(distribution);
  if (items.every(([, counts]) => counts.every((c) => c === 0))) return null;
  return (
    <section aria-labelledby="ev-l1-dist">
      <Title order={3} size="h5" id="ev-l1-dist" mb={4}>
        {t('evp.distribution')}
      </Title>
      <ScrollTable label={t('evp.distribution')} minWidth={260}>
        <Table fz="sm" data-testid="l1-distribution">
          <Table.Caption>{t('evp.distribution.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('evp.item')}</Table.Th>
              {points.map((p) => (
                <Table.Th scope="col" key={p} style={{ textAlign: 'right' }}>
                  {p}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map(([item, counts]) => (
              <Table.Tr key={item} data-item={item}>
                <Table.Th scope="row" fw={400}>
                  {t(`reaction.${item}` as MessageKey)}
                </Table.Th>
                {counts.map((c, i) => (
                  <Table.Td key={points[i]} style={{ textAlign: 'right' }}>
                    {c}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </section>
  );
}

function L4Table({ l4, unitName }: { l4: L4; unitName: (id: string) => string }) {
  const { t } = useI18n();
  return (
    <ScrollTable label={t('evp.l4')} minWidth={560}>
      <Table fz="sm" data-testid="l4">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('evp.indicator')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('evp.before', { period: l4.before })}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('evp.after', { period: l4.after })}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('evp.change')}
            </Table.Th>
            <Table.Th scope="col">{t('evp.verdict')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {l4.indicators.map((i) => (
            <Table.Tr key={i.indicatorId}>
              <Table.Td>
                <Text size="sm">{i.name}</Text>
                <Text size="xs" c="dimmed">
                  {unitName(i.unitId)} · {i.measure} · {t(`ind.direction.${i.direction}` as MessageKey)}
                </Text>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{number(i.beforeValue)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{number(i.afterValue)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{signed(i.change)}</Table.Td>
              <Table.Td>
                <Verdict improvement={i.improvement} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Better, worse or unchanged by the indicator's direction; a missing value says so, never "unchanged". */
function Verdict({ improvement }: { improvement: number | null }) {
  const { t } = useI18n();
  if (improvement === null) return <Text size="sm">{t('evp.verdict.unknown')}</Text>;
  const [key, color] =
    improvement > 0
      ? (['evp.verdict.better', 'teal.9'] as const)
      : improvement < 0
        ? (['evp.verdict.worse', 'red.9'] as const)
        : (['evp.verdict.same', 'gray.9'] as const);
  return (
    <Badge variant="outline" color={color}>
      {t(key)}
    </Badge>
  );
}

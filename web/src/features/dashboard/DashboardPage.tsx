/**
 * The tenant admin's dashboard (/admin): head count and the share assessed, the needs heat map,
 * JP progress per OPD, learning reports waiting for verification, the year's evaluations and the
 * latest IKM grade per unit. Each tile leads to its screen.
 */
import { Anchor, Badge, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useMe, useTenantClock } from '../../lib/api/caller';
import { yearIn } from '../../lib/format';
import { HeatMap } from './HeatMap';
import { JpTile } from './JpTile';
import { type HeatmapDimension, useEvaluationSummary, useHeatmap, useIkm, usePendingVerifications } from './queries';
import { formatShare, shareOf } from './share';

function OpenLink({ to }: { to: string }) {
  const { t } = useI18n();
  return (
    <Anchor component={Link} to={to} size="sm">
      {t('dash.open')}
    </Anchor>
  );
}

function Figure({ value, label }: { value: string; label: string }) {
  return (
    <div>
      <Text fz={28} fw={700} lh={1.1}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </div>
  );
}

function NeedsTiles() {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const [by, setBy] = useState<HeatmapDimension>('unit');
  const map = useHeatmap(slug, by);
  return (
    <>
      <Section title={t('dash.people.title')} id="dash-people" action={<OpenLink to="/admin/pegawai" />}>
        <QueryState query={map} lines={2}>
          {(m) => (
            <Group gap="xl">
              <Figure value={String(m.headcount)} label={t('dash.people.headcount')} />
              <Figure
                value={formatShare(shareOf(m.employeesFullyAssessed, m.employeesWithStandard))}
                label={t('dash.people.assessed', { assessed: m.employeesFullyAssessed, of: m.employeesWithStandard })}
              />
            </Group>
          )}
        </QueryState>
      </Section>
      <Section title={t('dash.heat.title')} id="dash-heat" action={<OpenLink to="/admin/kebutuhan" />}>
        <Stack gap="sm">
          <SegmentedControl
            size="xs"
            value={by}
            onChange={(v) => setBy(v as HeatmapDimension)}
            aria-label={t('dash.heat.by')}
            data={[
              { value: 'unit', label: t('dash.heat.byUnit') },
              { value: 'position', label: t('dash.heat.byPosition') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          <QueryState query={map} lines={5} isEmpty={(m) => m.groups.length === 0} empty={t('dash.heat.empty')}>
            {(m) => <HeatMap map={m} />}
          </QueryState>
        </Stack>
      </Section>
    </>
  );
}

function VerificationsTile() {
  const { t } = useI18n();
  const queue = usePendingVerifications(useTenantClock().slug);
  return (
    <Section title={t('dash.verify.title')} id="dash-verify" action={<OpenLink to="/admin/verifikasi" />}>
      <QueryState query={queue} lines={1}>
        {(q) => <Figure value={`${q.items.length}${q.nextCursor ? '+' : ''}`} label={t('dash.verify.waiting')} />}
      </QueryState>
    </Section>
  );
}

function EvaluationsTile({ year }: { year: number }) {
  const { t } = useI18n();
  const summary = useEvaluationSummary(useTenantClock().slug, year);
  return (
    <Section title={t('dash.eval.title', { year })} id="dash-eval">
      <QueryState query={summary} lines={2}>
        {(s) => (
          <Stack gap={4}>
            <Figure value={String(Math.max(0, s.completed - s.l1.responses))} label={t('dash.eval.l1Due', { completed: s.completed })} />
            <Text size="sm">{t('dash.eval.l1', { responses: s.l1.responses, rate: formatShare(s.l1.rate) })}</Text>
            <Text size="sm">{t('dash.eval.l3', { responses: s.l3.responses, rate: formatShare(s.l3.rate) })}</Text>
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

const gradeColour: Record<string, string> = { A: 'teal.9', B: 'blue.9', C: 'orange.9', D: 'red.9' };

function IkmTile({ year }: { year: number }) {
  const { t } = useI18n();
  const ikm = useIkm(useTenantClock().slug, String(year));
  return (
    <Section title={t('dash.ikm.title', { year })} id="dash-ikm">
      <QueryState query={ikm} lines={3} isEmpty={(r) => r.units.length === 0} empty={t('dash.ikm.empty')}>
        {(r) => (
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dash.ikm.unit')}</Table.Th>
                <Table.Th scope="col">{t('dash.ikm.grade')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('dash.ikm.score')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.units.map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Td>{u.unitName}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={gradeColour[u.grade] ?? 'gray.9'}>
                      {u.grade} · {u.label}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{u.converted.toLocaleString('id-ID')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Section>
  );
}

export function DashboardPage() {
  const { t } = useI18n();
  const me = useMe();
  const year = yearIn(useTenantClock().timeZone);
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('dash.title', { tenant: me.data?.tenant?.name ?? '' })}
      </Title>
      <NeedsTiles />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <JpTile />
        <Stack>
          <VerificationsTile />
          <EvaluationsTile year={year} />
          <IkmTile year={year} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

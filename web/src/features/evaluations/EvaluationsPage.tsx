/**
 * Evaluasi (/admin/evaluasi): whether development worked, in four tabs kept in the address
 * (`?tab=program|ikm|indikator|pendampingan`, with `program`, `tahun`, `periode` and `unit`):
 * a program's levels over a year's offerings, the IKM per unit and period with its trend, the
 * units' indicators with their values, and the year's mentoring feedback.
 */
import { NativeSelect, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { Fact } from '../../components/Fact';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { todayIn } from '../../lib/format';
import { useEvaluationSummary } from '../dashboard/queries';
import { nameById } from '../employees/organisation';
import { useUnits } from '../employees/queries';
import { IkmSection } from './IkmSection';
import { IndicatorsSection } from './IndicatorsSection';
import { ProgramSection } from './ProgramSection';
import { semesterOf } from './periods';

const tabs = ['program', 'ikm', 'indikator', 'pendampingan'] as const;
type Tab = (typeof tabs)[number];

function useAddress() {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined) continue;
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  const tab = params.get('tab');
  return { params, tab: (tabs as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'program', set };
}

export function EvaluationsPage() {
  const { t } = useI18n();
  const { slug, timeZone } = useTenantClock();
  const today = todayIn(timeZone);
  const thisYear = Number(today.slice(0, 4));
  const { params, tab, set } = useAddress();
  const year = Number(params.get('tahun')) || thisYear;
  const years = [thisYear - 3, thisYear - 2, thisYear - 1, thisYear, thisYear + 1].filter((y) => y <= thisYear || y === year);
  const units = useUnits(slug);
  const unitNames = nameById(units.data?.items);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('evp.title')}
      </Title>
      <Tabs value={tab} onChange={(v) => set({ tab: v })} keepMounted={false}>
        <Tabs.List>
          {tabs.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`evp.tab.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="program" pt="md">
          <Section title={t('evp.tab.program')} id="ev-program">
            <ProgramSection
              tenant={slug}
              programId={params.get('program')}
              year={year}
              years={years}
              unitName={(id) => unitNames.get(id) ?? id}
              onChange={set}
            />
          </Section>
        </Tabs.Panel>
        <Tabs.Panel value="ikm" pt="md">
          <Section title={t('evp.tab.ikm')} id="ev-ikm">
            <IkmSection
              tenant={slug}
              year={thisYear}
              period={params.get('periode') ?? semesterOf(today)}
              unit={params.get('unit') ?? ''}
              onChange={set}
            />
          </Section>
        </Tabs.Panel>
        <Tabs.Panel value="indikator" pt="md">
          <Section title={t('evp.tab.indikator')} id="ev-indicators">
            <IndicatorsSection tenant={slug} units={units.data?.items ?? []} unit={params.get('unit')} onUnit={(unit) => set({ unit })} />
          </Section>
        </Tabs.Panel>
        <Tabs.Panel value="pendampingan" pt="md">
          <Section title={t('evp.tab.pendampingan')} id="ev-mentoring">
            <MentoringFeedback tenant={slug} year={year} years={years} onYear={(tahun) => set({ tahun })} />
          </Section>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** The year's completed pairings, the feedback given on them and its mean rating (1–5). */
function MentoringFeedback({
  tenant,
  year,
  years,
  onYear,
}: {
  tenant: string | undefined;
  year: number;
  years: number[];
  onYear: (year: string) => void;
}) {
  const { t } = useI18n();
  const summary = useEvaluationSummary(tenant, year);
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t('evp.year')}
        value={String(year)}
        onChange={(e) => onYear(e.currentTarget.value)}
        data={years.map(String)}
        w={140}
      />
      <Text size="sm">{t('evp.mentoring.intro')}</Text>
      <QueryState query={summary} lines={2}>
        {(s) => (
          <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} m={0} data-testid="mentoring-feedback">
            <Fact label={t('evp.mentoring.completed')}>{s.mentoring.completedPairings}</Fact>
            <Fact label={t('evp.mentoring.responses')}>{s.mentoring.responses}</Fact>
            <Fact label={t('evp.mentoring.mean')}>
              {s.mentoring.mean === null ? '—' : s.mentoring.mean.toLocaleString('id-ID', { maximumFractionDigits: 2 })}
            </Fact>
          </SimpleGrid>
        )}
      </QueryState>
    </Stack>
  );
}

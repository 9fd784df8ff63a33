/** One region's figures by unit, with its total (the same numbers as its row in the national summary). */
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { useTenantSummary } from './queries';
import { SummaryTable } from './SummaryTable';
import { YearSelect } from './YearSelect';
import { useYear } from './year';

export function TenantSummaryPage() {
  const { t, language } = useI18n();
  const { tenant = '' } = useParams();
  const [year, setYear] = useYear();
  const summary = useTenantSummary(tenant, year);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/nasional?tahun=${year}`} size="sm">
        {t('national.backToSummary')}
      </Anchor>
      <Title order={1} size="h2">
        {summary.data?.tenant.name ?? tenant}
      </Title>
      <Group align="flex-end">
        <YearSelect year={year} onChange={setYear} />
      </Group>
      <QueryState query={summary} lines={6}>
        {(data) => (
          <Section title={t('national.unitsTitle')}>
            <Text size="sm" mb="sm" data-testid="freshness">
              {data.computedAt
                ? t('national.computedAt', { at: formatInstant(data.computedAt, 'Asia/Jakarta', language) })
                : t('national.notComputed')}
            </Text>
            <SummaryTable
              caption={t('national.unitsCaption', { name: data.tenant.name, year: data.year })}
              nameHeader={t('national.unit')}
              legend={data.figures}
              minimumPeople={data.minimumPeople}
              rows={data.units.map((u) => ({
                key: u.unitId,
                name: u.name ?? u.unitId,
                ...(u.code ? { detail: u.code } : {}),
                employees: u.employees,
                figures: u.figures,
              }))}
              total={data.total}
            />
          </Section>
        )}
      </QueryState>
    </Stack>
  );
}

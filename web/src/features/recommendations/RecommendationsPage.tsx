/**
 * Rekomendasi (/admin/rekomendasi?unit=): a unit's active people, those a program helps most
 * first, each with their own top programs, the reason lines and "Daftarkan". The unit is in the
 * address, so another screen can link to it.
 */
import { Anchor, Select, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { unitOptions } from '../employees/organisation';
import { useUnits } from '../employees/queries';
import { useUnitPeopleRecommendations } from './queries';
import { RecommendedProgram } from './RecommendedProgram';

export function RecommendationsPage() {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit');
  const units = useUnits(slug);
  const people = useUnitPeopleRecommendations(slug, unitId);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('rec.unit.title')}
      </Title>
      <Text size="sm">{t('rec.unit.intro')}</Text>
      <Select
        label={t('rec.unit.pick')}
        data={unitOptions(units.data?.items ?? [])}
        value={unitId}
        searchable
        maw={480}
        onChange={(v) => setParams(v ? { unit: v } : {}, { replace: true })}
      />
      {unitId === null ? (
        <Text size="sm" c="dimmed">
          {t('rec.unit.pickFirst')}
        </Text>
      ) : (
        <QueryState query={people} lines={6} isEmpty={(d) => d.people.length === 0} empty={t('rec.unit.empty')}>
          {(d) => (
            <Stack gap="md">
              {d.people.map(({ employee, items }) => (
                <Section key={employee.id} id={`person-${employee.id}`} title={employee.name}>
                  <Stack gap="sm" data-testid="unit-person">
                    <Text size="sm" c="dimmed">
                      NIP {employee.nip} ·{' '}
                      <Anchor component={Link} to={`/admin/pegawai/${employee.id}`} size="sm">
                        {t('rec.unit.person', { name: employee.name })}
                      </Anchor>
                    </Text>
                    {items.map((item) => (
                      <RecommendedProgram key={item.program.id} tenant={slug} employee={employee} item={item} />
                    ))}
                  </Stack>
                </Section>
              ))}
              {d.withoutRecommendation > 0 ? (
                <Text size="sm" c="dimmed">
                  {t('rec.unit.without', { n: d.withoutRecommendation })}
                </Text>
              ) : null}
            </Stack>
          )}
        </QueryState>
      )}
    </Stack>
  );
}

/**
 * Organisasi (/admin/organisasi): the unit tree (move a unit with a confirmation), the positions
 * with each one's competency standard as an editable grid, and the competency dictionary.
 */
import { Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { Dictionary } from './Dictionary';
import { useCompetencies, usePositions, useUnits } from './queries';
import { StandardEditor } from './StandardEditor';
import { UnitTree } from './UnitTree';

function Positions({ tenant }: { tenant: string | undefined }) {
  const { t } = useI18n();
  const positions = usePositions(tenant);
  const competencies = useCompetencies(tenant);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <QueryState query={positions} isEmpty={(p) => p.items.length === 0} empty={t('org.pos.empty')}>
      {(p) => {
        const position = p.items.find((x) => x.id === selected);
        return (
          <Stack>
            <Select
              label={t('org.pos.choose')}
              data={p.items.map((x) => ({ value: x.id, label: `${x.name} (${x.code})` }))}
              value={selected}
              onChange={setSelected}
              searchable
              comboboxProps={{ withinPortal: false }}
            />
            {position ? (
              <Section title={t('org.std.title', { name: position.name })} id="org-standard">
                <QueryState query={competencies}>
                  {(c) => <StandardEditor key={position.id} tenant={tenant} position={position} competencies={c.items} />}
                </QueryState>
              </Section>
            ) : (
              <Text size="sm" c="dimmed">
                {t('org.pos.hint', { n: p.items.length })}
              </Text>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}

export function OrganisationPage() {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const units = useUnits(slug);
  const competencies = useCompetencies(slug);
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('org.title')}
      </Title>
      <Tabs defaultValue="positions" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="positions">{t('org.tab.positions')}</Tabs.Tab>
          <Tabs.Tab value="units">{t('org.tab.units')}</Tabs.Tab>
          <Tabs.Tab value="dictionary">{t('org.tab.dictionary')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="positions" pt="md">
          <Positions tenant={slug} />
        </Tabs.Panel>
        <Tabs.Panel value="units" pt="md">
          <QueryState query={units} isEmpty={(u) => u.items.length === 0} empty={t('org.units.empty')}>
            {(u) => <UnitTree tenant={slug} units={u.items} />}
          </QueryState>
        </Tabs.Panel>
        <Tabs.Panel value="dictionary" pt="md">
          <QueryState query={competencies}>{(c) => <Dictionary tenant={slug} competencies={c.items} />}</QueryState>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** JP progress per OPD: the share of people reaching their target, each OPD opening onto its sub-units. */
import { Anchor, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { formatJp, yearIn } from '../../lib/format';
import { useJpRecap } from './queries';
import { formatShare } from './share';

type Recap = NonNullable<ReturnType<typeof useJpRecap>['data']>;

function RecapRows({ units, level }: { units: Recap['units']; level: number }) {
  const { t } = useI18n();
  return (
    <Stack gap="sm">
      {units.map((u) => (
        <RecapRow key={u.unitId} unit={u} level={level} label={t('dash.jp.bar', { name: u.name, share: formatShare(u.share) })} />
      ))}
    </Stack>
  );
}

function RecapRow({ unit, level, label }: { unit: Recap['units'][number]; level: number; label: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div style={{ paddingLeft: level * 16 }} data-testid="jp-opd">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" lineClamp={1}>
          {unit.name}
        </Text>
        <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
          {formatShare(unit.share)}
        </Text>
      </Group>
      <Progress value={(unit.share ?? 0) * 100} aria-label={label} size="md" color="teal.7" />
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {t('dash.jp.reached', { reached: unit.reached, employees: unit.employees, jp: formatJp(unit.totalJp) })}
        </Text>
        {level === 0 ? (
          <Button variant="subtle" size="compact-xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {t(open ? 'dash.jp.hideUnits' : 'dash.jp.showUnits')}
          </Button>
        ) : null}
      </Group>
      {open ? <SubUnits unitId={unit.unitId} /> : null}
    </div>
  );
}

function SubUnits({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const year = useYear();
  const recap = useJpRecap(useTenant(), year, unitId);
  return (
    <QueryState query={recap} lines={2} isEmpty={(r) => r.units.length === 0} empty={t('dash.jp.noUnits')}>
      {(r) => <RecapRows units={r.units.filter((u) => u.unitId !== unitId)} level={1} />}
    </QueryState>
  );
}

const useTenant = () => useTenantClock().slug;
const useYear = () => yearIn(useTenantClock().timeZone);

export function JpTile() {
  const { t } = useI18n();
  const year = useYear();
  const recap = useJpRecap(useTenant(), year);
  return (
    <Section
      title={t('dash.jp.title', { year })}
      id="dash-jp"
      action={
        <Anchor component={Link} to="/admin/jp" size="sm">
          {t('dash.open')}
        </Anchor>
      }
    >
      <QueryState query={recap} isEmpty={(r) => r.units.length === 0} empty={t('dash.jp.empty')}>
        {(r) => (
          <Stack gap="sm">
            <Text size="sm">
              {t('dash.jp.total', { share: formatShare(r.total.share), reached: r.total.reached, employees: r.total.employees })}
            </Text>
            <RecapRows units={r.units} level={0} />
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

/**
 * Putting people in an offering: one person found by name or NIP, or a unit's people with the
 * largest gaps in the program's competencies first (the needs report's priorities, summed per
 * person), chosen with checkboxes. Both enroll in list order: enrolled while seats remain, then
 * waitlisted; the answer says how many went where. Once they are in, nobody is chosen: the list
 * has moved up, and a second click would otherwise put the next people in.
 */
import { Button, Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { EmployeePicker, type PickedEmployee } from '../assessments/EmployeePicker';
import { useNeeds } from '../needs/queries';
import { useUnits } from '../organisation/queries';
import { peopleByGap } from './gaps';
import { type Program, useEnroll } from './queries';

export function EnrollPanel({
  tenant,
  offeringId,
  program,
  inQueue,
  freeSeats,
}: {
  tenant: string | undefined;
  offeringId: string;
  program: Program | undefined;
  inQueue: ReadonlySet<string>;
  freeSeats: number;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'search' | 'unit'>('unit');
  const enroll = useEnroll(tenant, offeringId);
  const [picked, setPicked] = useState<PickedEmployee | null>(null);
  const result = enroll.data?.items;
  const placed = result
    ? {
        enrolled: result.filter((e) => e.created && e.status === 'enrolled').length,
        waitlisted: result.filter((e) => e.created && e.status === 'waitlisted').length,
        already: result.filter((e) => !e.created).length,
      }
    : null;
  return (
    <Stack gap="sm">
      <SegmentedControl
        fullWidth
        aria-label={t('cat.enrollHow')}
        value={mode}
        onChange={(v) => setMode(v === 'search' ? 'search' : 'unit')}
        data={[
          { value: 'unit', label: t('cat.enrollByGap') },
          { value: 'search', label: t('cat.enrollSearch') },
        ]}
      />
      {mode === 'search' ? (
        <Group align="flex-end">
          <div style={{ flex: 1, minWidth: 220 }}>
            <EmployeePicker tenant={tenant} value={picked} onChange={setPicked} />
          </div>
          <Button disabled={!picked} loading={enroll.isPending} onClick={() => picked && enroll.mutate([picked.id])}>
            {t('cat.enroll')}
          </Button>
        </Group>
      ) : (
        <ByGap
          tenant={tenant}
          program={program}
          inQueue={inQueue}
          freeSeats={freeSeats}
          onEnroll={(ids, enrolled) => enroll.mutate(ids, { onSuccess: enrolled })}
          pending={enroll.isPending}
        />
      )}
      {enroll.isError ? <ProblemAlert error={enroll.error} /> : null}
      {placed ? (
        <Text size="sm" role="status">
          {t('cat.enrolledResult', placed)}
        </Text>
      ) : null}
    </Stack>
  );
}

function ByGap({
  tenant,
  program,
  inQueue,
  freeSeats,
  onEnroll,
  pending,
}: {
  tenant: string | undefined;
  program: Program | undefined;
  inQueue: ReadonlySet<string>;
  freeSeats: number;
  /** `enrolled` runs once the server has taken them. */
  onEnroll: (ids: string[], enrolled: () => void) => void;
  pending: boolean;
}) {
  const { t } = useI18n();
  const units = useUnits(tenant);
  const [unit, setUnit] = useState<string | null>(null);
  const [count, setCount] = useState<number | string>(Math.max(freeSeats, 1));
  const needs = useNeeds(unit ? tenant : undefined, { groupBy: 'unit', unit: unit ?? '', priorities: 100 });
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const people = peopleByGap(needs.data?.priorities ?? [], program?.targets.map((x) => x.competencyId) ?? []).filter(
    (p) => !inQueue.has(p.employeeId),
  );
  // Until the admin ticks otherwise, the first `count` people are chosen.
  const selected = chosen ?? new Set(people.slice(0, Number(count) || 0).map((p) => p.employeeId));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  const ordered = people.filter((p) => selected.has(p.employeeId)).map((p) => p.employeeId);
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Select
          label={t('cat.unit')}
          placeholder={t('cat.chooseUnit')}
          data={(units.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.code} · ${u.name}` }))}
          value={unit}
          onChange={(v) => {
            setUnit(v);
            setChosen(null);
          }}
          searchable
          style={{ flex: 1, minWidth: 220 }}
          comboboxProps={{ withinPortal: false }}
        />
        <NumberInput
          label={t('cat.howMany')}
          min={1}
          max={100}
          allowDecimal={false}
          value={count}
          onChange={(v) => {
            setCount(v);
            setChosen(null);
          }}
          w={120}
        />
      </Group>
      {unit ? (
        <QueryState query={needs} isEmpty={() => people.length === 0} empty={t('cat.noGaps')}>
          {() => (
            <>
              <Text size="sm" c="dimmed">
                {program && program.targets.length > 0
                  ? t('cat.gapsOf', { list: program.targets.map((x) => x.code).join(', ') })
                  : t('cat.gapsAll')}
              </Text>
              <Table.ScrollContainer minWidth={420}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={40}>
                        <VisuallyHidden>{t('cat.choose')}</VisuallyHidden>
                      </Table.Th>
                      <Table.Th>{t('cat.person')}</Table.Th>
                      <Table.Th ta="right">{t('cat.weightedGap')}</Table.Th>
                      <Table.Th>{t('cat.competencies')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {people.map((p) => (
                      <Table.Tr key={p.employeeId}>
                        <Table.Td>
                          <Checkbox
                            checked={selected.has(p.employeeId)}
                            onChange={() => toggle(p.employeeId)}
                            aria-label={t('cat.chooseNamed', { name: p.name })}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{p.name}</Text>
                          <Text size="xs" c="dimmed">
                            {p.unitName}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">{p.weightedGap.toLocaleString('id-ID', { maximumFractionDigits: 2 })}</Table.Td>
                        <Table.Td>
                          <Text size="xs">{p.competencies.join(', ')}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Group>
                <Button disabled={ordered.length === 0} loading={pending} onClick={() => onEnroll(ordered, () => setChosen(new Set()))}>
                  {t('cat.enrollChosen', { n: ordered.length })}
                </Button>
              </Group>
            </>
          )}
        </QueryState>
      ) : null}
    </Stack>
  );
}

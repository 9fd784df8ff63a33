/**
 * Asesmen (/admin/asesmen): record assessments many at a time — one employee × the competencies of
 * their standard, or one competency × a unit's people — with a shared source, date and assessor,
 * in one atomic request; and a person's history.
 */
import { Button, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { ApiProblem } from '../../lib/api/problem';
import { todayIn } from '../../lib/format';
import { useCompetencies, useUnits } from '../organisation/queries';
import { EmployeeGrid } from './EmployeeGrid';
import { EmployeePicker, type PickedEmployee } from './EmployeePicker';
import { Entry, type EntryValues } from './Entry';
import { itemsOf, rowErrors } from './grids';
import { History } from './History';
import { useRecordAssessments } from './queries';
import { UnitGrid } from './UnitGrid';

type Mode = 'employee' | 'unit' | 'history';

export function AssessmentsPage() {
  const { t } = useI18n();
  const { slug, timeZone } = useTenantClock();
  const today = todayIn(timeZone);
  const units = useUnits(slug);
  const competencies = useCompetencies(slug);
  const record = useRecordAssessments(slug);
  const [mode, setMode] = useState<Mode>('employee');
  const [entry, setEntry] = useState<EntryValues>({ source: 'supervisor', date: today, assessor: '' });
  const [employee, setEmployee] = useState<PickedEmployee | null>(null);
  const employeeId = employee?.id ?? null;
  const [unitId, setUnitId] = useState<string | null>(null);
  const [competencyId, setCompetencyId] = useState<string | null>(null);
  const [levels, setLevels] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<number | null>(null);

  const rows =
    mode === 'employee' && employeeId
      ? Object.entries(levels).map(([competency, level]) => ({ key: competency, employeeId, competency, level }))
      : mode === 'unit' && competencyId
        ? Object.entries(levels).map(([person, level]) => ({ key: person, employeeId: person, competency: competencyId, level }))
        : [];
  const chosen = rows.filter((r) => r.level !== '');
  const fields = record.error instanceof ApiProblem ? record.error.fields : {};
  const { byItem, date } = rowErrors(fields);
  const errors = new Map<string, string>();
  for (const [i, message] of byItem) {
    const row = chosen[i];
    if (row) errors.set(row.key, message);
  }
  const clear = () => {
    setLevels({});
    setSaved(null);
    record.reset();
  };
  const setLevel = (key: string, level: string) => {
    setLevels((ls) => ({ ...ls, [key]: level }));
    setSaved(null);
  };
  const submit = () =>
    record.mutate(itemsOf(chosen, entry), {
      onSuccess: (r) => {
        setSaved(r.created);
        setLevels({});
      },
    });
  const competencyName = competencies.data?.items.find((c) => c.id === competencyId)?.name ?? '';

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('asm.title')}
      </Title>
      <Tabs
        value={mode}
        onChange={(v) => {
          setMode((v as Mode | null) ?? 'employee');
          clear();
        }}
      >
        <Tabs.List>
          <Tabs.Tab value="employee">{t('asm.tab.employee')}</Tabs.Tab>
          <Tabs.Tab value="unit">{t('asm.tab.unit')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('asm.tab.history')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {mode === 'history' ? (
        <Section title={t('asm.tab.history')} id="asm-history">
          <Stack>
            <EmployeePicker tenant={slug} value={employee} onChange={setEmployee} />
            {employeeId ? <History tenant={slug} employeeId={employeeId} competencies={competencies.data?.items ?? []} /> : null}
          </Stack>
        </Section>
      ) : (
        <Section title={t(mode === 'employee' ? 'asm.tab.employee' : 'asm.tab.unit')} id="asm-grid">
          <Stack>
            <Entry value={entry} onChange={setEntry} today={today} errors={date ? { date } : {}} />
            {mode === 'employee' ? (
              <>
                <EmployeePicker
                  tenant={slug}
                  value={employee}
                  onChange={(picked) => {
                    setEmployee(picked);
                    clear();
                  }}
                />
                {employeeId ? (
                  <EmployeeGrid tenant={slug} employeeId={employeeId} levels={levels} onLevel={setLevel} errors={errors} />
                ) : null}
              </>
            ) : (
              <>
                <Group grow align="flex-start" wrap="wrap">
                  <Select
                    label={t('asm.competency')}
                    data={(competencies.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }))}
                    value={competencyId}
                    onChange={(v) => {
                      setCompetencyId(v);
                      clear();
                    }}
                    searchable
                    style={{ minWidth: 200 }}
                    comboboxProps={{ withinPortal: false }}
                  />
                  <Select
                    label={t('asm.unit')}
                    data={(units.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
                    value={unitId}
                    onChange={(v) => {
                      setUnitId(v);
                      clear();
                    }}
                    searchable
                    style={{ minWidth: 200 }}
                    comboboxProps={{ withinPortal: false }}
                  />
                </Group>
                {unitId && competencyId ? (
                  <UnitGrid
                    tenant={slug}
                    unitId={unitId}
                    competencyName={competencyName}
                    levels={levels}
                    onLevel={setLevel}
                    errors={errors}
                  />
                ) : null}
              </>
            )}
            {record.error ? <ProblemAlert error={record.error} /> : null}
            {saved !== null ? (
              <Text size="sm" c="teal.9" role="status">
                {t('asm.saved', { n: saved })}
              </Text>
            ) : null}
            <Group>
              <Button disabled={chosen.length === 0 || entry.date > today || !entry.date} loading={record.isPending} onClick={submit}>
                {t('asm.save', { n: chosen.length })}
              </Button>
            </Group>
          </Stack>
        </Section>
      )}
    </Stack>
  );
}

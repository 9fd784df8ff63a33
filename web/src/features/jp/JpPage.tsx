/**
 * JP: pick a person (by name or NIP) to credit JP by hand with a reason and read their ledger of a
 * year; and the recap per OPD of a year (each OPD opening onto its sub-units, or the recap under
 * one unit) with its CSV and xlsx downloads. The person, the year and the unit live in the address
 * (`?pegawai=&tahun=&unit=`).
 */
import { Alert, Badge, Button, Group, NativeSelect, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { formatInstantDay, formatJp, yearIn } from '../../lib/format';
import { EmployeePicker, type PickedEmployee } from '../assessments/EmployeePicker';
import { useJpRecap } from '../dashboard/queries';
import { formatShare } from '../dashboard/share';
import { unitOptions } from '../employees/organisation';
import { useUnits } from '../employees/queries';
import { ScrollTable } from '../national/ScrollTable';
import { CreditForm } from './CreditForm';
import { recentYears } from './offset';
import { useJpLedger, useJpRecapDownload } from './queries';

function YearPicker({ year, years, onChange }: { year: number; years: number[]; onChange: (year: number) => void }) {
  const { t } = useI18n();
  return (
    <NativeSelect
      label={t('jpa.year')}
      value={String(year)}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
      data={years.map(String)}
      w={120}
    />
  );
}

function Ledger({ employeeId, year }: { employeeId: string; year: number }) {
  const { t, language } = useI18n();
  const { slug, timeZone } = useTenantClock();
  const ledger = useJpLedger(slug, employeeId, year);
  return (
    <QueryState query={ledger} lines={4}>
      {(l) => (
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('jpa.ledger.total', { total: formatJp(l.total), target: formatJp(l.target), type: l.employmentType.toUpperCase() })}
          </Text>
          <Progress
            value={Math.min(100, (l.total / l.target) * 100)}
            color={l.reached ? 'teal.7' : 'blue.7'}
            aria-label={t('jpa.ledger.progress')}
          />
          <Text size="xs" c="dimmed">
            {l.reached ? t('jpa.ledger.reached') : t('jpa.ledger.remaining', { remaining: formatJp(l.remaining) })}
          </Text>
          {l.entries.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('jpa.ledger.empty')}
            </Text>
          ) : (
            <ScrollTable label={t('jpa.ledger.caption')} minWidth={560}>
              <Table striped data-testid="jp-ledger">
                <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('jpa.ledger.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('jpa.ledger.day')}</Table.Th>
                    <Table.Th>JP</Table.Th>
                    <Table.Th>{t('jpa.credit.source')}</Table.Th>
                    <Table.Th>{t('jpa.ledger.note')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {l.entries.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstantDay(e.occurredAt, timeZone, language)}</Table.Td>
                      <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{formatJp(e.jp)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color="gray">
                          {t(`jpa.source.${e.source}` as const)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{e.note ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

function Recap({ year, unit }: { year: number; unit: string | null }) {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const recap = useJpRecap(slug, year, unit);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <QueryState query={recap} lines={6} isEmpty={(r) => r.units.length === 0} empty={t('jpa.recap.empty')}>
      {(r) => (
        <ScrollTable label={t('jpa.recap.caption', { year })} minWidth={640}>
          <Table striped data-testid="jp-recap">
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('jpa.recap.caption', { year })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('jpa.recap.unit')}</Table.Th>
                <Table.Th>{t('jpa.recap.employees')}</Table.Th>
                <Table.Th>{t('jpa.recap.reached')}</Table.Th>
                <Table.Th>{t('jpa.recap.share')}</Table.Th>
                <Table.Th>{t('jpa.recap.totalJp')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.units.map((u) => (
                <RecapRows
                  key={u.unitId}
                  row={u}
                  year={year}
                  open={open === u.unitId}
                  onToggle={() => setOpen(open === u.unitId ? null : u.unitId)}
                />
              ))}
              <Table.Tr fw={700}>
                <Table.Td>{t('jpa.recap.total')}</Table.Td>
                <Table.Td>{r.total.employees}</Table.Td>
                <Table.Td>{r.total.reached}</Table.Td>
                <Table.Td>{formatShare(r.total.share)}</Table.Td>
                <Table.Td>{formatJp(r.total.totalJp)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </QueryState>
  );
}

type RecapUnit = NonNullable<ReturnType<typeof useJpRecap>['data']>['units'][number];

function RecapRows({ row, year, open, onToggle }: { row: RecapUnit; year: number; open: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const sub = useJpRecap(open ? slug : undefined, year, row.unitId);
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={onToggle}
              style={{ flexShrink: 0 }}
              aria-expanded={open}
              aria-label={t(open ? 'jpa.recap.hide' : 'jpa.recap.show', { name: row.name })}
            >
              {open ? '−' : '+'}
            </Button>
            <Text size="sm">{row.name}</Text>
          </Group>
        </Table.Td>
        <Figures row={row} />
      </Table.Tr>
      {open && sub.isError ? (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <ProblemAlert error={sub.error} />
          </Table.Td>
        </Table.Tr>
      ) : null}
      {open && sub.data?.units.length === 0 ? (
        <Table.Tr>
          <Table.Td colSpan={5} pl={48}>
            <Text size="xs" c="dimmed">
              {t('jpa.recap.noSubUnits')}
            </Text>
          </Table.Td>
        </Table.Tr>
      ) : null}
      {open
        ? sub.data?.units.map((u) => (
            <Table.Tr key={u.unitId}>
              <Table.Td pl={48}>
                <Text size="sm">{u.name}</Text>
              </Table.Td>
              <Figures row={u} />
            </Table.Tr>
          ))
        : null}
    </>
  );
}

function Figures({ row }: { row: RecapUnit }) {
  return (
    <>
      <Table.Td>{row.employees}</Table.Td>
      <Table.Td>{row.reached}</Table.Td>
      <Table.Td>{formatShare(row.share)}</Table.Td>
      <Table.Td>{formatJp(row.totalJp)}</Table.Td>
    </>
  );
}

export function JpPage() {
  const { t } = useI18n();
  const { slug, timeZone } = useTenantClock();
  const [params, setParams] = useSearchParams();
  const current = yearIn(timeZone);
  const years = recentYears(current);
  const year = years.find((y) => String(y) === params.get('tahun')) ?? current;
  const employeeId = params.get('pegawai');
  const unit = params.get('unit');
  const units = useUnits(slug);
  const download = useJpRecapDownload(slug);
  const [credited, setCredited] = useState<number | null>(null);
  // The person in the address, with the label the picker gave them when they were chosen here.
  const [picked, setPicked] = useState<PickedEmployee | null>(null);
  const person = employeeId ? { id: employeeId, label: picked?.id === employeeId ? picked.label : employeeId } : null;
  const set = (name: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('jpa.title')}
      </Title>
      <Section title={t('jpa.person.title')}>
        <Stack>
          <Group align="flex-end" wrap="wrap">
            <div style={{ flex: '1 1 260px' }}>
              <EmployeePicker
                tenant={slug}
                value={person}
                onChange={(chosen) => {
                  setCredited(null);
                  setPicked(chosen);
                  set('pegawai', chosen?.id ?? null);
                }}
              />
            </div>
            <YearPicker year={year} years={years} onChange={(y) => set('tahun', String(y))} />
          </Group>
          {employeeId ? (
            <>
              {credited !== null ? <Alert color="teal" role="status" title={t('jpa.credit.done', { jp: formatJp(credited) })} /> : null}
              <Title order={3} size="h5">
                {t('jpa.credit.title')}
              </Title>
              <CreditForm employeeId={employeeId} onCredited={setCredited} />
              <Title order={3} size="h5">
                {t('jpa.ledger.title', { year })}
              </Title>
              <Ledger employeeId={employeeId} year={year} />
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('jpa.person.pick')}
            </Text>
          )}
        </Stack>
      </Section>
      <Section title={t('jpa.recap.title')}>
        <Stack>
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('jpa.recap.under')}
              placeholder={t('jpa.recap.allOpd')}
              data={unitOptions(units.data?.items ?? [])}
              value={unit}
              onChange={(v) => set('unit', v)}
              searchable
              clearable
              style={{ flex: '1 1 240px' }}
            />
            <Button
              variant="default"
              size="sm"
              loading={download.isPending && download.variables?.format === 'csv'}
              onClick={() => download.mutate({ format: 'csv', year, unit })}
            >
              {t('jpa.recap.csv')}
            </Button>
            <Button
              variant="default"
              size="sm"
              loading={download.isPending && download.variables?.format === 'xlsx'}
              onClick={() => download.mutate({ format: 'xlsx', year, unit })}
            >
              {t('jpa.recap.xlsx')}
            </Button>
          </Group>
          {download.error ? <ProblemAlert error={download.error} /> : null}
          <Recap year={year} unit={unit} />
        </Stack>
      </Section>
    </Stack>
  );
}

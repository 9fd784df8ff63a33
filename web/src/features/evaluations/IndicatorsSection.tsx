/**
 * Evaluasi › Indikator: a unit's indicators (L4 results) with their values per period; a new
 * indicator (name, measure, direction) and a period's value recorded or replaced. Checked beside
 * the fields before anything is sent; the server's refusals go beside their fields too.
 */
import { Button, Group, NativeSelect, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrors } from '../../components/problem-text';
import { QueryState } from '../../components/QueryState';
import { type MessageKey, useI18n } from '../../i18n';
import { unitOptions } from '../employees/organisation';
import type { Unit } from '../employees/queries';
import { type Indicator, useIndicator, useIndicators, usePutIndicatorValue, useReloadIndicators, useSaveIndicator } from './queries';

const directions = ['higher_is_better', 'lower_is_better'] as const;
/** The periods the API takes: a year, a semester, a quarter or a month. */
const periodPattern = /^(20\d\d|2100)(-S[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

export function IndicatorsSection({
  tenant,
  units,
  unit,
  onUnit,
}: {
  tenant: string | undefined;
  units: Unit[];
  unit: string | null;
  onUnit: (unit: string | null) => void;
}) {
  const { t } = useI18n();
  const indicators = useIndicators(tenant, unit);
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end">
        <Select
          label={t('ind.unit')}
          placeholder={t('ind.pickUnit')}
          searchable
          data={unitOptions(units)}
          value={unit}
          onChange={onUnit}
          miw={{ base: '100%', sm: 320 }}
        />
        {unit ? (
          <Button variant="light" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
            {t('ind.new')}
          </Button>
        ) : null}
      </Group>
      {unit && adding ? <IndicatorForm tenant={tenant} unitId={unit} onDone={() => setAdding(false)} /> : null}
      {unit ? (
        <QueryState
          query={indicators}
          isEmpty={(d) => d.items.length === 0}
          empty={
            <Text size="sm" c="dimmed">
              {t('ind.empty')}
            </Text>
          }
        >
          {(d) => (
            <Stack gap="lg">
              {d.items.map((i) => (
                <IndicatorValues key={i.id} tenant={tenant} indicator={i} />
              ))}
            </Stack>
          )}
        </QueryState>
      ) : (
        <Text size="sm" c="dimmed">
          {t('ind.pickFirst')}
        </Text>
      )}
    </Stack>
  );
}

/** A new indicator of `unitId`, or a change of `indicator` (sent with `If-Match` of the version it was read at). */
function IndicatorForm({
  tenant,
  unitId,
  indicator,
  onDone,
}: {
  tenant: string | undefined;
  unitId: string;
  indicator?: Indicator;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const save = useSaveIndicator(tenant);
  const reload = useReloadIndicators(tenant);
  const form = useForm({
    initialValues: {
      name: indicator?.name ?? '',
      measure: indicator?.measure ?? '',
      direction: indicator?.direction ?? ('higher_is_better' as (typeof directions)[number]),
    },
    validate: {
      name: (v) => (v.trim().length >= 2 ? null : t('ind.nameRequired')),
      measure: (v) => (v.trim() ? null : t('ind.measureRequired')),
    },
  });
  const titleId = indicator ? `ind-edit-${indicator.id}` : 'ind-new-title';
  const submit = form.onSubmit((v) => {
    const body = { name: v.name.trim(), measure: v.measure.trim(), direction: v.direction };
    save.mutate(indicator ? { id: indicator.id, version: indicator.version, changes: body } : { create: { unitId, ...body } }, {
      onSuccess: onDone,
      onError: (e) => form.setErrors(fieldErrors(e, t)),
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={indicator ? 4 : 3} size="h5" id={titleId}>
          {indicator ? t('ind.edit', { name: indicator.name }) : t('ind.new')}
        </Title>
        <TextInput label={t('ind.name')} {...form.getInputProps('name')} />
        <TextInput label={t('ind.measure')} description={t('ind.measureHint')} {...form.getInputProps('measure')} />
        <NativeSelect
          label={t('ind.direction')}
          data={directions.map((d) => ({ value: d, label: t(`ind.direction.${d}`) }))}
          {...form.getInputProps('direction')}
        />
        {save.isError ? (
          <ProblemAlert
            error={save.error}
            onReload={() => {
              save.reset();
              onDone();
              void reload();
            }}
          />
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('ind.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function IndicatorValues({ tenant, indicator }: { tenant: string | undefined; indicator: Indicator }) {
  const { t } = useI18n();
  const detail = useIndicator(tenant, indicator.id);
  const [editing, setEditing] = useState(false);
  const headingId = `ind-${indicator.id}`;
  return (
    <section aria-labelledby={headingId} data-testid="indicator">
      <Title order={3} size="h5" id={headingId}>
        {indicator.name}
      </Title>
      <Group gap="xs" mb={4}>
        <Text size="xs" c="dimmed">
          {indicator.measure} · {t(`ind.direction.${indicator.direction}` as MessageKey)}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => setEditing((e) => !e)}
          aria-expanded={editing}
          aria-label={t('ind.change', { name: indicator.name })}
        >
          {t('ind.changeShort')}
        </Button>
      </Group>
      {editing ? <IndicatorForm tenant={tenant} unitId={indicator.unitId} indicator={indicator} onDone={() => setEditing(false)} /> : null}
      <QueryState
        query={detail}
        lines={2}
        isEmpty={(d) => d.series.length === 0}
        empty={
          <Text size="sm" c="dimmed">
            {t('ind.noValues')}
          </Text>
        }
      >
        {(d) => (
          <Table fz="sm" maw={420}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('ind.period')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('ind.value', { measure: indicator.measure })}
                </Table.Th>
                <Table.Th scope="col">{t('ind.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.series.map((v) => (
                <Table.Tr key={v.period}>
                  <Table.Td>{v.period}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{v.value.toLocaleString('id-ID', { maximumFractionDigits: 4 })}</Table.Td>
                  <Table.Td>{v.note ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <ValueForm tenant={tenant} indicator={indicator} />
    </section>
  );
}

function ValueForm({ tenant, indicator }: { tenant: string | undefined; indicator: Indicator }) {
  const { t } = useI18n();
  const put = usePutIndicatorValue(tenant, indicator.id);
  const form = useForm<{ period: string; value: number | string; note: string }>({
    initialValues: { period: '', value: '', note: '' },
    validate: {
      period: (v) => (periodPattern.test(v.trim()) ? null : t('ind.periodFormat')),
      value: (v) => (typeof v === 'number' ? null : t('ind.valueRequired')),
    },
  });
  const submit = form.onSubmit((v) =>
    put.mutate(
      { period: v.period.trim(), body: { value: Number(v.value), note: v.note.trim() || null } },
      { onSuccess: () => form.reset(), onError: (e) => form.setErrors(fieldErrors(e, t)) },
    ),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('ind.record', { name: indicator.name })}>
      <Group gap="sm" align="flex-start" mt="xs">
        <TextInput label={t('ind.period')} placeholder={t('ind.periodHint')} w={150} {...form.getInputProps('period')} />
        <NumberInput label={t('ind.value', { measure: indicator.measure })} decimalSeparator="," w={150} {...form.getInputProps('value')} />
        <TextInput label={t('ind.note')} w={{ base: '100%', sm: 220 }} {...form.getInputProps('note')} />
        <Button type="submit" loading={put.isPending} mt={{ base: 0, sm: 25 }}>
          {t('ind.recordShort')}
        </Button>
      </Group>
      {put.isError ? <ProblemAlert error={put.error} /> : null}
    </form>
  );
}

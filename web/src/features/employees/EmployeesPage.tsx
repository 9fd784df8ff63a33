/**
 * Pegawai: the registry, paged by the server, sorted by name or NIP, filtered by unit (with its
 * sub-units unless unticked), position, status, employment type, and a name or NIP prefix. The
 * filters live in the address (`?unit=&position=&status=&type=&q=&sort=&sub=0`), so a link from
 * another screen (the dashboard) opens the list filtered.
 */
import { Anchor, Badge, Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type Column, PagedTable, useCursorPages } from '../../components/PagedTable';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { nameById, positionOptions, unitOptions } from './organisation';
import { type Employee, type EmployeeQuery, useEmployees, usePositions, useUnits } from './queries';

const sorts = ['name', '-name', 'nip', '-nip'] as const;
type Sort = (typeof sorts)[number];
const statuses = ['active', 'inactive'] as const;
const types = ['pns', 'pppk'] as const;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined => allowed.find((v) => v === value);

/** The list's query from the address. */
export function employeeQueryOf(params: URLSearchParams): Omit<EmployeeQuery, 'cursor' | 'limit'> & { sort: Sort } {
  const unit = params.get('unit') || undefined;
  const q = params.get('q')?.trim() || undefined;
  return {
    sort: pick(params.get('sort'), sorts) ?? 'name',
    ...(unit ? { unit, ...(params.get('sub') === '0' ? {} : { subUnits: 'true' as const }) } : {}),
    ...(params.get('position') ? { position: params.get('position') ?? '' } : {}),
    ...(pick(params.get('status'), statuses) ? { status: pick(params.get('status'), statuses) } : {}),
    ...(pick(params.get('type'), types) ? { employmentType: pick(params.get('type'), types) } : {}),
    ...(q ? { q } : {}),
  };
}

export function EmployeesPage() {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const [params, setParams] = useSearchParams();
  const query = employeeQueryOf(params);
  const pages = useCursorPages(JSON.stringify(query));
  const list = useEmployees(slug, { ...query, limit: 25, ...(pages.cursor ? { cursor: pages.cursor } : {}) });
  const units = useUnits(slug);
  const positions = usePositions(slug);
  const unitNames = nameById(units.data?.items);
  const positionNames = nameById(positions.data?.items);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search, 300);

  const set = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed search moves the address
  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced.trim()) set('q', debounced.trim() || null);
  }, [debounced]);

  const columns: Column<Employee>[] = [
    {
      key: 'name',
      label: t('employees.name'),
      sort: 'name',
      render: (e) => (
        <Anchor component={Link} to={`/admin/pegawai/${e.id}`} size="sm">
          {e.name}
        </Anchor>
      ),
    },
    { key: 'nip', label: 'NIP', sort: 'nip', render: (e) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{e.nip}</span> },
    { key: 'unit', label: t('employees.unit'), render: (e) => unitNames.get(e.unitId) ?? '…' },
    { key: 'position', label: t('employees.position'), render: (e) => positionNames.get(e.positionId) ?? '…' },
    { key: 'grade', label: t('employees.grade'), render: (e) => e.grade },
    { key: 'type', label: t('employees.type'), render: (e) => e.employmentType.toUpperCase() },
    {
      key: 'status',
      label: t('employees.status'),
      render: (e) => (
        <Badge variant="light" color={e.status === 'active' ? 'teal' : 'gray'}>
          {t(`employees.status.${e.status}` as const)}
        </Badge>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {t('employees.title')}
        </Title>
        <Group gap="xs">
          <Button component={Link} to="/admin/impor" variant="default" size="sm">
            {t('employees.importExport')}
          </Button>
          <Button component={Link} to="/admin/pegawai/baru" size="sm">
            {t('employees.add')}
          </Button>
        </Group>
      </Group>
      <Section title={t('employees.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <TextInput
            label={t('employees.search')}
            description={t('employees.searchHelp')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Stack gap={4}>
            <Select
              label={t('employees.unit')}
              placeholder={t('employees.all')}
              data={unitOptions(units.data?.items ?? [])}
              value={params.get('unit')}
              onChange={(v) => set('unit', v)}
              searchable
              clearable
            />
            <Checkbox
              size="xs"
              label={t('employees.subUnits')}
              checked={params.get('sub') !== '0'}
              onChange={(e) => set('sub', e.currentTarget.checked ? null : '0')}
            />
          </Stack>
          <Select
            label={t('employees.position')}
            placeholder={t('employees.all')}
            data={positionOptions(positions.data?.items ?? [])}
            value={params.get('position')}
            onChange={(v) => set('position', v)}
            searchable
            clearable
          />
          <Select
            label={t('employees.status')}
            placeholder={t('employees.all')}
            data={statuses.map((s) => ({ value: s, label: t(`employees.status.${s}` as const) }))}
            value={params.get('status')}
            onChange={(v) => set('status', v)}
            clearable
          />
          <Select
            label={t('employees.type')}
            placeholder={t('employees.all')}
            data={types.map((s) => ({ value: s, label: s.toUpperCase() }))}
            value={params.get('type')}
            onChange={(v) => set('type', v)}
            clearable
          />
        </SimpleGrid>
      </Section>
      <Section title={t('employees.list')}>
        <QueryState query={list} lines={8} isEmpty={(d) => d.items.length === 0} empty={t('employees.empty')}>
          {(page) => (
            <PagedTable
              caption={t('employees.caption')}
              columns={columns}
              rows={page.items}
              rowKey={(e) => e.id}
              sort={query.sort}
              onSort={(s) => set('sort', s === 'name' ? null : s)}
              pages={pages}
              nextCursor={page.nextCursor}
              minWidth={860}
            />
          )}
        </QueryState>
      </Section>
    </Stack>
  );
}

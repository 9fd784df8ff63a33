/**
 * Akun pegawai: activation codes for one person or everyone active in a unit, shown once as a sheet
 * to print; and the region's accounts with their status and the employee's name, found by part of
 * a name or a NIP prefix and filtered by status (both in the address, `?q=&status=`, the search
 * debounced and done by the server), paged by the server, each one disabled or enabled, or its
 * second factor reset (a lost phone), after a confirmation.
 */
import { Badge, Button, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type Column, PagedTable, useCursorPages } from '../../components/PagedTable';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { type MessageKey, useI18n } from '../../i18n';
import { useMe, useTenantClock } from '../../lib/api/caller';
import { formatInstantDay } from '../../lib/format';
import { EmployeePicker, type PickedEmployee } from '../assessments/EmployeePicker';
import { unitOptions } from '../employees/organisation';
import { useUnits } from '../employees/queries';
import { ActivationSheet } from './ActivationSheet';
import { type Account, type AccountAction, type AccountQuery, useAccountAction, useAccounts, useIssueCodes } from './queries';

const statuses = ['never_activated', 'active', 'locked', 'disabled'] as const;
type Status = (typeof statuses)[number];
const statusColor: Record<Status, string> = { never_activated: 'gray', active: 'teal', locked: 'orange', disabled: 'red' };

function IssueCodes() {
  const { t } = useI18n();
  const { slug, timeZone } = useTenantClock();
  const me = useMe();
  const units = useUnits(slug);
  const issue = useIssueCodes(slug);
  const [who, setWho] = useState<'unit' | 'person'>('unit');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [person, setPerson] = useState<PickedEmployee | null>(null);
  const [days, setDays] = useState<number | string>(14);
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const target = who === 'unit' ? unitId : (person?.id ?? null);
    setMissing(target === null);
    if (target === null) return;
    const expiresInDays = typeof days === 'number' ? days : 14;
    issue.mutate(who === 'unit' ? { unitId: target, expiresInDays } : { employeeIds: [target], expiresInDays });
  };
  return (
    <Stack>
      <form noValidate onSubmit={submit} aria-label={t('acc.codes.title')}>
        <Stack>
          <Text size="sm">{t('acc.codes.intro')}</Text>
          <SegmentedControl
            aria-label={t('acc.codes.for')}
            value={who}
            onChange={(v) => {
              setWho(v === 'person' ? 'person' : 'unit');
              setMissing(false);
            }}
            data={[
              { value: 'unit', label: t('acc.codes.forUnit') },
              { value: 'person', label: t('acc.codes.forPerson') },
            ]}
          />
          <Group align="flex-start" wrap="wrap">
            <div style={{ flex: '1 1 260px' }}>
              {who === 'unit' ? (
                <Select
                  label={t('acc.codes.unit')}
                  data={unitOptions(units.data?.items ?? [])}
                  value={unitId}
                  onChange={setUnitId}
                  searchable
                  error={missing ? t('acc.codes.pickUnit') : undefined}
                />
              ) : (
                <>
                  <EmployeePicker tenant={slug} value={person} onChange={setPerson} />
                  {missing ? (
                    <Text size="xs" c="red.8" mt={4}>
                      {t('acc.codes.pickPerson')}
                    </Text>
                  ) : null}
                </>
              )}
            </div>
            <NumberInput label={t('acc.codes.days')} min={1} max={30} value={days} onChange={setDays} w={160} allowDecimal={false} />
          </Group>
          <Stack gap="xs" align="flex-start">
            {issue.isError ? <ProblemAlert error={issue.error} /> : null}
            <Button type="submit" loading={issue.isPending}>
              {t('acc.codes.submit')}
            </Button>
          </Stack>
        </Stack>
      </form>
      {issue.data ? (
        <ActivationSheet codes={issue.data} region={slug ?? ''} regionName={me.data?.tenant?.name ?? ''} timeZone={timeZone} />
      ) : null}
    </Stack>
  );
}

const actionLabel: Record<AccountAction, MessageKey> = {
  disable: 'acc.action.disable',
  enable: 'acc.action.enable',
  'reset-two-factor': 'acc.action.resetTwoFactor',
};

function AccountActions({ account }: { account: Account }) {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const act = useAccountAction(slug);
  const [confirming, setConfirming] = useState<AccountAction | null>(null);
  const offered: AccountAction[] = [
    account.status === 'disabled' ? 'enable' : 'disable',
    ...(account.twoFactor ? ['reset-two-factor' as const] : []),
  ];
  if (confirming) {
    return (
      <Stack gap={4}>
        <Text size="xs">
          {t(`acc.confirm.${confirming === 'reset-two-factor' ? 'resetTwoFactor' : confirming}` as const, { name: account.username })}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-xs"
            color={confirming === 'enable' ? 'teal' : 'red'}
            loading={act.isPending}
            onClick={() => act.mutate({ id: account.id, action: confirming }, { onSuccess: () => setConfirming(null) })}
          >
            {t('acc.confirm.yes')}
          </Button>
          <Button size="compact-xs" variant="default" onClick={() => setConfirming(null)}>
            {t('acc.confirm.no')}
          </Button>
        </Group>
        {act.isError ? <ProblemAlert error={act.error} /> : null}
      </Stack>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      {offered.map((a) => (
        <Button
          key={a}
          size="compact-xs"
          variant="light"
          color={a === 'enable' ? 'teal' : 'red'}
          onClick={() => {
            act.reset();
            setConfirming(a);
          }}
          aria-label={`${t(actionLabel[a])}: ${account.username}`}
        >
          {t(actionLabel[a])}
        </Button>
      ))}
    </Group>
  );
}

export function AccountsPage() {
  const { t, language } = useI18n();
  const { slug, timeZone } = useTenantClock();
  const [params, setParams] = useSearchParams();
  const status = statuses.find((s) => s === params.get('status'));
  const q = params.get('q')?.trim() || undefined;
  const query: AccountQuery = { ...(status ? { status } : {}), ...(q ? { q } : {}) };
  const pages = useCursorPages(JSON.stringify(query));
  const accounts = useAccounts(slug, { ...query, limit: 25, ...(pages.cursor ? { cursor: pages.cursor } : {}) });
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search, 300);
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
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed search moves the address
  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced.trim()) set('q', debounced.trim() || null);
  }, [debounced]);
  const columns: Column<Account>[] = [
    { key: 'username', label: t('acc.username'), render: (a) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{a.username}</span> },
    { key: 'name', label: t('acc.name'), render: (a) => a.name ?? t('acc.noName') },
    {
      key: 'roles',
      label: t('acc.roles'),
      render: (a) => a.roles.map((r) => t(r === 'tenant_admin' ? 'acc.role.admin' : 'acc.role.employee')).join(', '),
    },
    {
      key: 'status',
      label: t('acc.status'),
      render: (a) => (
        <Badge variant="light" color={statusColor[a.status]} data-testid="account-status">
          {t(`acc.status.${a.status}` as const)}
        </Badge>
      ),
    },
    { key: 'twoFactor', label: t('acc.twoFactor'), render: (a) => (a.twoFactor ? t('acc.twoFactor.on') : t('acc.twoFactor.off')) },
    { key: 'created', label: t('acc.created'), render: (a) => formatInstantDay(a.createdAt, timeZone, language) },
    { key: 'actions', label: t('acc.actions'), render: (a) => <AccountActions account={a} /> },
  ];
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('acc.title')}
      </Title>
      <Section title={t('acc.codes.title')}>
        <IssueCodes />
      </Section>
      <Section title={t('acc.list')}>
        <Stack>
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label={t('acc.search')}
              description={t('acc.searchHelp')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: '1 1 260px' }}
              maw={420}
            />
            <Select
              label={t('acc.status')}
              placeholder={t('acc.allStatuses')}
              data={statuses.map((s) => ({ value: s, label: t(`acc.status.${s}` as const) }))}
              value={status ?? null}
              onChange={(v) => set('status', v)}
              clearable
              w={240}
            />
          </Group>
          <QueryState query={accounts} lines={6} isEmpty={(d) => d.items.length === 0} empty={t(q ? 'acc.emptySearch' : 'acc.empty')}>
            {(page) => (
              <PagedTable
                caption={t('acc.caption')}
                columns={columns}
                rows={page.items}
                rowKey={(a) => a.id}
                pages={pages}
                nextCursor={page.nextCursor}
                minWidth={960}
              />
            )}
          </QueryState>
        </Stack>
      </Section>
    </Stack>
  );
}

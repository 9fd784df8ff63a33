/**
 * Jejak audit: who wrote what and when in the region, newest first, paged by the server. The
 * filters — who (the account or the user name), action, entity and its id, a range of days — are
 * applied together and live in the address (`?actor=&action=&entity=&entityId=&from=&to=`), so a
 * filtered view is a link.
 */
import { Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type Column, PagedTable, useCursorPages } from '../../components/PagedTable';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { formatInstant } from '../../lib/format';
import { type AuditEntry, type AuditQuery, useTenantAudit } from './queries';

const filterNames = ['actor', 'action', 'entity', 'entityId', 'from', 'to'] as const;
type Filters = Record<(typeof filterNames)[number], string>;

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The API's query from the address: only the filters given, the days only when they are days. */
export function auditQueryOf(params: URLSearchParams): AuditQuery {
  const query: AuditQuery = {};
  for (const name of filterNames) {
    const value = params.get(name)?.trim();
    if (!value) continue;
    if ((name === 'from' || name === 'to') && !isDay(value)) continue;
    query[name] = value;
  }
  return query;
}

const filtersOf = (params: URLSearchParams): Filters => Object.fromEntries(filterNames.map((n) => [n, params.get(n) ?? ''])) as Filters;

export function AuditLogPage() {
  const { t, language } = useI18n();
  const { slug, timeZone } = useTenantClock();
  const [params, setParams] = useSearchParams();
  const query = auditQueryOf(params);
  const pages = useCursorPages(JSON.stringify(query));
  const audit = useTenantAudit(slug, { ...query, limit: 50, ...(pages.cursor ? { cursor: pages.cursor } : {}) });
  const [filters, setFilters] = useState<Filters>(() => filtersOf(params));
  const [rangeError, setRangeError] = useState(false);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const wrongWay = isDay(filters.from) && isDay(filters.to) && filters.from > filters.to;
    setRangeError(wrongWay);
    if (wrongWay) return;
    const next = new URLSearchParams();
    for (const name of filterNames) if (filters[name].trim()) next.set(name, filters[name].trim());
    setParams(next, { replace: true });
  };
  const clear = () => {
    setFilters(filtersOf(new URLSearchParams()));
    setRangeError(false);
    setParams(new URLSearchParams(), { replace: true });
  };
  const field = (name: keyof Filters, label: string, placeholder: string, type: 'text' | 'date' = 'text') => (
    <TextInput
      label={label}
      placeholder={placeholder}
      type={type}
      value={filters[name]}
      error={rangeError && name === 'to' ? t('alog.rangeWrongWay') : undefined}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setFilters((f) => ({ ...f, [name]: value }));
      }}
    />
  );

  const columns: Column<AuditEntry>[] = [
    {
      key: 'at',
      label: t('alog.at'),
      render: (e) => <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(e.at, timeZone, language)}</span>,
    },
    {
      key: 'actor',
      label: t('alog.actor'),
      render: (e) => (
        <>
          <Text size="sm" ff="monospace">
            {e.actor}
          </Text>
          <Text size="xs" c="dimmed">
            {e.actorRoles.join(', ')}
          </Text>
        </>
      ),
    },
    {
      key: 'action',
      label: t('alog.action'),
      render: (e) => (
        <Text size="sm" ff="monospace">
          {e.action}
        </Text>
      ),
    },
    {
      key: 'entity',
      label: t('alog.entity'),
      render: (e) => (
        <>
          <Text size="sm">{e.entity}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {e.entityId}
          </Text>
        </>
      ),
    },
    {
      key: 'request',
      label: t('alog.request'),
      render: (e) => (
        <Text size="xs" ff="monospace">
          {e.requestId}
        </Text>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('alog.title')}
      </Title>
      <Text size="sm">{t('alog.intro')}</Text>
      <Section title={t('alog.filters')}>
        <form noValidate onSubmit={apply} aria-label={t('alog.filters')}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {field('actor', t('alog.actor'), 'acc_… / admin@…')}
              {field('action', t('alog.action'), 'account.activate')}
              {field('entity', t('alog.entity'), 'account')}
              {field('entityId', t('alog.entityId'), 'acc_…')}
              {field('from', t('alog.from'), '', 'date')}
              {field('to', t('alog.to'), '', 'date')}
            </SimpleGrid>
            <Group gap="xs">
              <Button type="submit">{t('alog.apply')}</Button>
              <Button variant="default" onClick={clear}>
                {t('alog.clear')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Section>
      <Section title={t('alog.entries')}>
        <QueryState query={audit} lines={8} isEmpty={(d) => d.items.length === 0} empty={t('alog.empty')}>
          {(page) => (
            <PagedTable
              caption={t('alog.caption')}
              columns={columns}
              rows={page.items}
              rowKey={(e) => e.id}
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

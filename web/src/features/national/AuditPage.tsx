/**
 * Jejak audit nasional: who onboarded a region, curated the dictionary or the catalog, refreshed
 * the summaries or kept national accounts — newest first, filtered by action, entity and id.
 */
import { Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { type AuditFilters, useNationalAudit } from './queries';
import { ScrollTable } from './ScrollTable';

const clean = (filters: Record<keyof AuditFilters, string>): AuditFilters =>
  Object.fromEntries(
    Object.entries(filters)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  );

export function AuditPage() {
  const { t, language } = useI18n();
  const [filters, setFilters] = useState({ action: '', entity: '', entityId: '' });
  const [debounced] = useDebouncedValue(filters, 400);
  const audit = useNationalAudit(clean(debounced));
  const entries = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const field = (name: keyof AuditFilters, label: string, placeholder: string) => (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={filters[name]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setFilters((f) => ({ ...f, [name]: value }));
      }}
    />
  );
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('audit.title')}
      </Title>
      <Text size="sm">{t('audit.intro')}</Text>
      <Section title={t('audit.filters')}>
        <Group grow align="flex-start" wrap="wrap">
          {field('action', t('audit.action'), 'tenant.create')}
          {field('entity', t('audit.entity'), 'tenant')}
          {field('entityId', t('audit.entityId'), 'ten_…')}
        </Group>
      </Section>
      <Section title={t('audit.entries')}>
        {audit.isError ? <ProblemAlert error={audit.error} /> : null}
        {audit.isPending ? (
          <Text size="sm" aria-busy="true">
            {t('state.loading')}
          </Text>
        ) : entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('audit.empty')}
          </Text>
        ) : (
          <ScrollTable label={t('audit.entries')} minWidth={720}>
            <Table striped data-testid="audit-table">
              <Table.Caption>{t('audit.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.at')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.entity')}</Table.Th>
                  <Table.Th>{t('audit.actor')}</Table.Th>
                  <Table.Th>{t('audit.request')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(e.at, 'Asia/Jakarta', language)}</Table.Td>
                    <Table.Td ff="monospace">{e.action}</Table.Td>
                    <Table.Td>
                      <Text span size="sm">
                        {e.entity}
                      </Text>{' '}
                      <Text span size="xs" c="dimmed" ff="monospace">
                        {e.entityId}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {e.actor}
                      <Text size="xs" c="dimmed">
                        {e.actorRoles.join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      {e.requestId}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        {audit.hasNextPage ? (
          <Group mt="sm">
            <Button variant="default" size="xs" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
              {t('audit.more')}
            </Button>
          </Group>
        ) : null}
      </Section>
    </Stack>
  );
}

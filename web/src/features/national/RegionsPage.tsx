/** Wilayah: the region directory (every onboarded region, by slug), each with a way to its figures. */
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { useTenants } from './queries';
import { ScrollTable } from './ScrollTable';

export function RegionsPage() {
  const { t, language } = useI18n();
  const tenants = useTenants();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('regions.title')}
        </Title>
        <Button component={Link} to="/nasional/onboarding" variant="light">
          {t('regions.onboard')}
        </Button>
      </Group>
      <Section title={t('regions.listTitle')}>
        <QueryState query={tenants} isEmpty={(d) => d.items.length === 0} empty={t('regions.empty')}>
          {(data) => (
            <ScrollTable label={t('regions.listTitle')} minWidth={760}>
              <Table striped data-testid="regions-table">
                <Table.Caption>{t('regions.caption', { n: data.items.length })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('regions.name')}</Table.Th>
                    <Table.Th>{t('regions.kind')}</Table.Th>
                    <Table.Th>{t('regions.code')}</Table.Th>
                    <Table.Th>{t('regions.timeZone')}</Table.Th>
                    <Table.Th>{t('regions.jpTarget')}</Table.Th>
                    <Table.Th>{t('regions.updated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((r) => (
                    <Table.Tr key={r.id} data-testid={`region-${r.slug}`}>
                      <Table.Th scope="row">
                        <Anchor component={Link} to={`/nasional/wilayah/${r.slug}`} size="sm">
                          {r.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {r.slug}
                          {r.database === 'DB' ? '' : ` · ${r.database}`}
                        </Text>
                      </Table.Th>
                      <Table.Td>{t(`regions.kind.${r.kind}`)}</Table.Td>
                      <Table.Td>{r.regionCode}</Table.Td>
                      <Table.Td>{t(`regions.zone.${r.timeZone}`)}</Table.Td>
                      <Table.Td>{r.jpTarget}</Table.Td>
                      <Table.Td>{formatInstant(r.updatedAt, 'Asia/Jakarta', language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </QueryState>
      </Section>
    </Stack>
  );
}

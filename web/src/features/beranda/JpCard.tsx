/** JP this year as progress toward the target, with the entries that make it up. */
import { Badge, Group, NativeSelect, Progress, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { formatInstantDay, formatJp, yearIn } from '../../lib/format';
import { useJp } from './queries';

export function JpCard({ timeZone }: { timeZone: string }) {
  const { t, language } = useI18n();
  const thisYear = yearIn(timeZone);
  const [year, setYear] = useState(thisYear);
  const jp = useJp(year);
  const years = [thisYear, thisYear - 1, thisYear - 2].map(String);
  return (
    <Section
      id="jp"
      title={t('jp.title')}
      action={
        <NativeSelect
          size="xs"
          w={100}
          aria-label={t('jp.year')}
          data={years}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
        />
      }
    >
      <QueryState query={jp} lines={4}>
        {(ledger) => {
          const percent = ledger.target > 0 ? Math.min(100, (ledger.total / ledger.target) * 100) : 100;
          return (
            <Stack gap="sm">
              <Group justify="space-between" align="baseline">
                <Text size="xl" fw={700}>
                  {t('jp.progress', { total: formatJp(ledger.total), target: formatJp(ledger.target) })}
                </Text>
                {ledger.reached ? (
                  <Badge color="teal">{t('jp.reached')}</Badge>
                ) : (
                  <Badge color="orange" variant="light">
                    {t('jp.remaining', { remaining: formatJp(ledger.remaining) })}
                  </Badge>
                )}
              </Group>
              <Progress value={percent} size="lg" aria-label={t('jp.progressLabel', { percent: Math.round(percent) })} />
              {ledger.entries.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('jp.empty')}
                </Text>
              ) : (
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('jp.when')}</Table.Th>
                      <Table.Th>{t('jp.source')}</Table.Th>
                      <Table.Th ta="right">JP</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {ledger.entries.map((entry) => (
                      <Table.Tr key={entry.id}>
                        <Table.Td>{formatInstantDay(entry.occurredAt, timeZone, language)}</Table.Td>
                        <Table.Td>{t(`jp.source.${entry.source}` as const)}</Table.Td>
                        <Table.Td ta="right">{formatJp(entry.jp)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Section>
  );
}

/**
 * The assessment screens' tables: a list read (skeleton, problem, empty state) shown as a compact
 * table that scrolls sideways in a named region, and the cells the grids share.
 */
import { NativeSelect, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { ScrollBox } from '../dashboard/ScrollBox';
import { levelOptions } from './Entry';

export function GridTable<T>({
  query,
  empty,
  label,
  testId,
  headers,
  children,
}: {
  query: UseQueryResult<{ items: T[] }>;
  empty: string;
  label: string;
  testId: string;
  headers: readonly string[];
  children: (item: T) => ReactNode;
}) {
  return (
    <QueryState query={query} lines={4} isEmpty={(d) => d.items.length === 0} empty={empty}>
      {(d) => (
        <ScrollBox label={label}>
          <Table fz="sm" verticalSpacing={4} data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                {headers.map((header) => (
                  <Table.Th key={header} scope="col">
                    {header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{d.items.map(children)}</Table.Tbody>
          </Table>
        </ScrollBox>
      )}
    </QueryState>
  );
}

/** A name with a dimmed line under it (a code, a NIP, an assessor). */
export function NameCell({ name, detail }: { name: string; detail?: string | null | undefined }) {
  return (
    <Table.Td>
      <Text size="sm">{name}</Text>
      {detail ? (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      ) : null}
    </Table.Td>
  );
}

/** The new level to record for one row (`id`: the competency or the employee it is for). */
export function LevelCell({
  id,
  name,
  levels,
  onLevel,
  errors,
}: {
  id: string;
  name: string;
  levels: Record<string, string>;
  onLevel: (id: string, level: string) => void;
  errors: Map<string, string>;
}) {
  const { t } = useI18n();
  return (
    <Table.Td>
      <NativeSelect
        aria-label={t('asm.levelFor', { name })}
        data={levelOptions('–')}
        value={levels[id] ?? ''}
        onChange={(e) => onLevel(id, e.currentTarget.value)}
        error={errors.get(id)}
        w={80}
      />
    </Table.Td>
  );
}

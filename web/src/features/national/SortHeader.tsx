/** A column header that sorts the table: a button inside the `th`, which says its order with `aria-sort`. */
import { Group, Table, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Direction } from './figures';

export function SortHeader({
  children,
  active,
  direction,
  onSort,
}: {
  children: ReactNode;
  active: boolean;
  direction: Direction;
  onSort: () => void;
}) {
  const ariaSort = active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <Table.Th aria-sort={ariaSort} style={{ verticalAlign: 'bottom' }}>
      <UnstyledButton onClick={onSort} fz="sm" fw={600}>
        <Group gap={4} wrap="nowrap" align="flex-end">
          <span>{children}</span>
          <span aria-hidden>{active ? (direction === 'asc' ? '▲' : '▼') : '↕'}</span>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

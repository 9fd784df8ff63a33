/**
 * A server-paged table: the rows of one page, column headers that sort (the server sorts; the
 * header says which way with `aria-sort`), and previous/next over the API's cursors. The cursors
 * of the pages seen are kept so "previous" needs no cursor the server does not give.
 */
import { Box, Button, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n';

export interface Column<T> {
  key: string;
  label: string;
  render: (row: T) => ReactNode;
  /** The server's sort name for this column (ascending; descending is `-name`). */
  sort?: string;
}

/** The cursor of the page on screen, and the way back: reset whenever `resetKey` changes. */
export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | undefined)[] }>({ key: resetKey, cursors: [undefined] });
  const cursors = state.key === resetKey ? state.cursors : [undefined];
  return {
    cursor: cursors[cursors.length - 1],
    page: cursors.length,
    next: (cursor: string) => setState({ key: resetKey, cursors: [...cursors, cursor] }),
    previous: () => setState({ key: resetKey, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
  };
}

interface Props<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  sort?: string;
  onSort?: (sort: string) => void;
  pages?: ReturnType<typeof useCursorPages>;
  nextCursor?: string | null;
  minWidth?: number;
}

export function PagedTable<T>({ caption, columns, rows, rowKey, sort, onSort, pages, nextCursor, minWidth = 640 }: Props<T>) {
  const { t } = useI18n();
  const sortedBy = sort?.replace(/^-/, '');
  const descending = sort?.startsWith('-') ?? false;
  return (
    <>
      {/* A region that scrolls sideways on a phone: focusable, so it scrolls from the keyboard too. */}
      <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={caption}>
        <Table striped highlightOnHover verticalSpacing="xs" miw={minWidth}>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => {
                const active = column.sort !== undefined && column.sort === sortedBy;
                const ariaSort = active ? (descending ? 'descending' : 'ascending') : column.sort ? 'none' : undefined;
                return (
                  <Table.Th key={column.key} aria-sort={ariaSort}>
                    {column.sort && onSort ? (
                      <UnstyledButton
                        fw={700}
                        fz="sm"
                        onClick={() => onSort(active && !descending ? `-${column.sort}` : (column.sort as string))}
                      >
                        {column.label} {active ? (descending ? '↓' : '↑') : '↕'}
                      </UnstyledButton>
                    ) : (
                      column.label
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((column) => (
                  <Table.Td key={column.key}>{column.render(row)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      {pages ? (
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed">
            {t('table.page', { page: pages.page })}
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="default" disabled={pages.page <= 1} onClick={pages.previous}>
              {t('table.previous')}
            </Button>
            <Button size="xs" variant="default" disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>
              {t('table.next')}
            </Button>
          </Group>
        </Group>
      ) : null}
    </>
  );
}

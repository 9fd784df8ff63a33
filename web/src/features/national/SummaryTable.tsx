/**
 * The figures of many rows (regions, or one region's units) with their total, sortable by any
 * column. The total stays at the foot whatever the order; a row not yet computed says so instead
 * of showing zeros.
 */
import { Anchor, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { FigureCell } from './FigureCell';
import { type Direction, figureLabel, formatCount, type SortKey, sortRows } from './figures';
import type { FigureLegend, SummaryFigure } from './queries';
import { ScrollTable } from './ScrollTable';
import { SortHeader } from './SortHeader';

interface SummaryRow {
  key: string;
  name: string;
  detail?: string;
  to?: string;
  employees: number | null;
  figures: Record<string, SummaryFigure> | null;
}

interface Props {
  caption: string;
  nameHeader: string;
  legend: readonly FigureLegend[];
  minimumPeople: number;
  rows: readonly SummaryRow[];
  total: { employees: number; figures: Record<string, SummaryFigure> } | null;
}

const sameKey = (a: SortKey, b: SortKey) => a.by === b.by && (a.by !== 'figure' || (b.by === 'figure' && a.name === b.name));

export function SummaryTable({ caption, nameHeader, legend, minimumPeople, rows, total }: Props) {
  const { t } = useI18n();
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({ key: { by: 'name' }, direction: 'asc' });
  const sortBy = (key: SortKey) =>
    setSort((current) =>
      sameKey(current.key, key)
        ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: key.by === 'name' ? 'asc' : 'desc' },
    );
  const header = (key: SortKey, label: string) => (
    <SortHeader active={sameKey(sort.key, key)} direction={sort.direction} onSort={() => sortBy(key)}>
      {label}
    </SortHeader>
  );
  const figureCells = (figures: Record<string, SummaryFigure> | null) =>
    legend.map((f) => (
      <Table.Td key={f.name} style={{ whiteSpace: 'nowrap' }}>
        <FigureCell figure={figures?.[f.name]} kind={f.kind} minimumPeople={minimumPeople} />
      </Table.Td>
    ));

  return (
    <ScrollTable label={caption} minWidth={1100}>
      <Table striped highlightOnHover stickyHeader verticalSpacing="xs" data-testid="summary-table">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {header({ by: 'name' }, nameHeader)}
            {header({ by: 'employees' }, t('national.employees'))}
            {legend.map((f) => (
              <SortHeader
                key={f.name}
                active={sameKey(sort.key, { by: 'figure', name: f.name })}
                direction={sort.direction}
                onSort={() => sortBy({ by: 'figure', name: f.name })}
              >
                {figureLabel(f.name, t)}
              </SortHeader>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sortRows(rows, sort.key, sort.direction).map((row) => (
            <Table.Tr key={row.key} data-testid={`row-${row.key}`}>
              <Table.Th scope="row" fw={500}>
                {row.to ? (
                  <Anchor component={Link} to={row.to} size="sm">
                    {row.name}
                  </Anchor>
                ) : (
                  <Text span size="sm">
                    {row.name}
                  </Text>
                )}
                {row.detail ? (
                  <Text size="xs" c="dimmed">
                    {row.detail}
                  </Text>
                ) : null}
              </Table.Th>
              <Table.Td>{row.employees === null ? '—' : formatCount(row.employees)}</Table.Td>
              {row.figures === null ? (
                <Table.Td colSpan={legend.length}>
                  <Text size="sm" c="dimmed">
                    {t('national.notComputed')}
                  </Text>
                </Table.Td>
              ) : (
                figureCells(row.figures)
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {total ? (
          <Table.Tfoot>
            <Table.Tr data-testid="row-total" fw={700}>
              <Table.Th scope="row">{t('national.total')}</Table.Th>
              <Table.Td>{formatCount(total.employees)}</Table.Td>
              {figureCells(total.figures)}
            </Table.Tr>
          </Table.Tfoot>
        ) : null}
      </Table>
    </ScrollTable>
  );
}

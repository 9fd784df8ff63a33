/**
 * The needs heat map: rows (units or positions) × competencies, each cell coloured by its weighted
 * gap and saying it in figures; a cell nobody is assessed in is hatched and says so. Each row and
 * cell leads to the people of that unit or position.
 */
import { Anchor, Box, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { formatJp } from '../../lib/format';
import { type Cell, heatStep, heatSteps, indexCells, peopleLink } from './heat';
import type { Heatmap } from './queries';
import { ScrollBox } from './ScrollBox';

const hatch = 'repeating-linear-gradient(45deg, var(--mantine-color-gray-3) 0 3px, var(--mantine-color-white) 3px 7px)';
const colour = (step: number) => {
  const [name, shade] = (heatSteps[step] ?? 'gray.0').split('.');
  return `var(--mantine-color-${name}-${shade})`;
};

function HeatCell({
  map,
  groupKey,
  groupName,
  cell,
  max,
}: {
  map: Heatmap;
  groupKey: string;
  groupName: string;
  cell: Cell | undefined;
  max: number;
}) {
  const { t } = useI18n();
  if (!cell) return <Table.Td aria-label={t('dash.heat.none')} />;
  const step = heatStep(cell.weightedGap, max);
  const competency = map.competencies.find((c) => c.id === cell.competencyId);
  const label =
    cell.weightedGap === null
      ? t('dash.heat.cellUnassessed', { group: groupName, competency: competency?.name ?? '', pairs: cell.pairs })
      : t('dash.heat.cell', {
          group: groupName,
          competency: competency?.name ?? '',
          gap: formatJp(cell.weightedGap),
          assessed: cell.assessed,
          pairs: cell.pairs,
        });
  return (
    <Table.Td p={0} data-testid="heat-cell" data-assessed={cell.weightedGap !== null} data-gap={cell.weightedGap ?? ''}>
      <Anchor
        component={Link}
        to={peopleLink(map.by, groupKey)}
        aria-label={`${cell.weightedGap === null ? '?' : formatJp(cell.weightedGap)}${cell.assessed < cell.pairs ? ` ${cell.assessed}/${cell.pairs}` : ''} — ${label}`}
        title={label}
        c="dark.9"
        underline="never"
        style={{
          display: 'block',
          minWidth: 56,
          padding: '6px 8px',
          textAlign: 'center',
          background: step === null ? hatch : colour(step),
        }}
      >
        <Text size="sm" fw={600} span>
          {cell.weightedGap === null ? '?' : formatJp(cell.weightedGap)}
        </Text>
        {/* A space between the two figures: the visible text reads as the name begins, "18 19/21". */}
        {cell.assessed < cell.pairs ? ' ' : null}
        {cell.assessed < cell.pairs ? (
          <Text size="xs" span display="block">
            {cell.assessed}/{cell.pairs}
          </Text>
        ) : null}
      </Anchor>
    </Table.Td>
  );
}

function Legend() {
  const { t } = useI18n();
  const swatch = { width: 18, height: 14, border: '1px solid var(--mantine-color-gray-5)', borderRadius: 2 };
  return (
    <Group gap="md" mt="sm" wrap="wrap" aria-label={t('dash.heat.legend')} role="group">
      <Group gap={4} wrap="nowrap">
        <Box style={{ ...swatch, background: colour(0) }} />
        <Text size="xs">{t('dash.heat.legendLow')}</Text>
      </Group>
      <Group gap={4} wrap="nowrap">
        <Box style={{ ...swatch, background: colour(heatSteps.length - 1) }} />
        <Text size="xs">{t('dash.heat.legendHigh')}</Text>
      </Group>
      <Group gap={4} wrap="nowrap">
        <Box style={{ ...swatch, background: hatch }} />
        <Text size="xs">{t('dash.heat.legendUnassessed')}</Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('dash.heat.legendPartial')}
      </Text>
    </Group>
  );
}

export function HeatMap({ map }: { map: Heatmap }) {
  const { t } = useI18n();
  const { byKey, max } = indexCells(map.cells);
  return (
    <>
      {/* Every unit or position of the region: the map scrolls within its own height, its header kept in view. */}
      <ScrollBox label={t(map.by === 'unit' ? 'dash.heat.captionUnit' : 'dash.heat.captionPosition')} maxHeight="70vh">
        <Table withTableBorder withColumnBorders stickyHeader verticalSpacing={0} horizontalSpacing="xs" fz="sm">
          <VisuallyHidden component="caption">
            {t(map.by === 'unit' ? 'dash.heat.captionUnit' : 'dash.heat.captionPosition')}
          </VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t(map.by === 'unit' ? 'dash.heat.unit' : 'dash.heat.position')}</Table.Th>
              {map.competencies.map((c) => (
                <Table.Th key={c.id} scope="col" style={{ textAlign: 'center' }}>
                  <abbr title={c.name} style={{ textDecoration: 'none' }}>
                    {c.code}
                  </abbr>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {map.groups.map((g) => {
              const name = g.name ?? g.key;
              return (
                <Table.Tr key={g.key} data-testid="heat-row" data-group={g.key}>
                  <Table.Th scope="row" style={{ minWidth: 140 }}>
                    <Anchor component={Link} to={peopleLink(map.by, g.key)} size="sm">
                      {name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t('dash.heat.people', { n: g.employees })}
                    </Text>
                  </Table.Th>
                  {map.competencies.map((c) => (
                    <HeatCell key={c.id} map={map} groupKey={g.key} groupName={name} cell={byKey.get(`${g.key}|${c.id}`)} max={max} />
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollBox>
      <Legend />
    </>
  );
}

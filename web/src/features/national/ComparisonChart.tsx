/**
 * Regions compared on one chosen figure: its distribution (how many regions fall in each range of
 * values) and the rank (the highest and the lowest regions). Only published values are drawn; the
 * regions whose figure is suppressed or not computed are counted beside the charts, never drawn as
 * zero. The table above holds every number, for a screen reader as for anyone.
 */
import '@mantine/charts/styles.css';
import { BarChart, BarsList } from '@mantine/charts';
import { Box, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n';
import { figureLabel, formatFigure, histogram } from './figures';
import type { NationalSummary } from './queries';

const rankShown = 10;

export function ComparisonChart({ summary }: { summary: NationalSummary }) {
  const { t } = useI18n();
  const [name, setName] = useState(summary.figures[0]?.name ?? '');
  const distributionTitle = useId();
  const legend = summary.figures.find((f) => f.name === name) ?? summary.figures[0];
  if (!legend) return null;
  const format = (v: number) => formatFigure(v, legend.kind);
  const published = summary.tenants
    .map((r) => ({ name: r.name, value: r.figures?.[legend.name]?.value ?? null }))
    .filter((r): r is { name: string; value: number } => r.value !== null)
    .sort((a, b) => b.value - a.value);
  const withheld = summary.tenants.length - published.length;
  const bins = histogram(
    published.map((r) => r.value),
    Math.min(10, Math.max(1, published.length)),
  ).map((b) => ({ range: b.from === b.to ? format(b.from) : `${format(b.from)}–${format(b.to)}`, regions: b.count }));
  const ranked = published.length <= rankShown * 2 ? published : [...published.slice(0, rankShown), ...published.slice(-rankShown)];

  return (
    <Stack gap="md">
      <NativeSelect
        label={t('national.chartFigure')}
        value={legend.name}
        onChange={(e) => setName(e.currentTarget.value)}
        data={summary.figures.map((f) => ({ value: f.name, label: figureLabel(f.name, t) }))}
        maw={360}
      />
      <Text size="sm" c="dimmed">
        {t('national.chartNote', { shown: published.length, withheld })}
      </Text>
      {published.length === 0 ? null : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {/* A figure named by its heading: the chart's own element may not carry a name (it has no role). */}
          <Box component="figure" m={0} aria-labelledby={distributionTitle}>
            <Stack gap="xs">
              <Title order={3} size="h5" id={distributionTitle}>
                {t('national.distribution')}
              </Title>
              <BarChart
                h={240}
                data={bins}
                dataKey="range"
                series={[{ name: 'regions', label: t('national.regionsCount'), color: 'teal.7' }]}
                tickLine="y"
              />
            </Stack>
          </Box>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {published.length <= rankShown * 2 ? t('national.rank') : t('national.rankTopBottom', { n: rankShown })}
            </Title>
            <BarsList
              data={ranked.map((r) => ({ name: r.name, value: r.value, color: 'teal.2' }))}
              valueFormatter={format}
              barsLabel={t('national.region')}
              valueLabel={figureLabel(legend.name, t)}
            />
          </Stack>
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** A suggestion's or proposal's score parts (fit, capacity, unit; each 0–1) as small bars with their figures. */
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n';

const parts = ['fit', 'capacity', 'unit'] as const;
export type Parts = Record<(typeof parts)[number], number>;

export const decimal = (value: number) => value.toFixed(2).replace('.', ',');

export function ScoreParts({ values }: { values: Parts | null }) {
  const { t } = useI18n();
  if (!values) return null;
  return (
    <Stack gap={2}>
      {parts.map((p) => (
        <Group key={p} gap={6} wrap="nowrap">
          <Text size="xs" w={70}>
            {t(`mentoring.part.${p}`)}
          </Text>
          <Progress value={values[p] * 100} w={80} size="sm" aria-label={t(`mentoring.part.${p}`)} />
          <Text size="xs">{decimal(values[p])}</Text>
        </Group>
      ))}
    </Stack>
  );
}

/**
 * Required against current level per competency (0–5): two bars per competency, the position's
 * standard in grey and the current level in teal. An unassessed competency has no current bar and
 * a "not assessed" badge: it is never drawn as level 0. Built from Mantine's Progress rather than
 * @mantine/charts (recharts alone is ~120 KB gzip, half the first screen's budget); each bar is a
 * labelled meter, so a screen reader reads the same figures.
 */
import { Badge, Box, Group, Progress, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n';
import { gapRows } from './gaps';
import type { GapItem } from './queries';

const maxLevel = 5;

export function GapsChart({ items }: { items: readonly GapItem[] }) {
  const { t } = useI18n();
  return (
    <Stack gap="sm" role="list" aria-label={t('gaps.listLabel')}>
      <Group gap="md" aria-hidden>
        <Group gap={6}>
          <Box w={12} h={12} bg="gray.5" style={{ borderRadius: 2 }} />
          <Text size="xs">{t('gaps.required')}</Text>
        </Group>
        <Group gap={6}>
          <Box w={12} h={12} bg="teal.7" style={{ borderRadius: 2 }} />
          <Text size="xs">{t('gaps.current')}</Text>
        </Group>
      </Group>
      {gapRows(items).map((row, i) => {
        const item = items[i];
        return (
          <Box key={item?.competencyId ?? row.competency} role="listitem" data-testid="gap-row" data-assessed={row.assessed}>
            <Group justify="space-between" gap="xs" wrap="wrap" mb={4}>
              <Text size="sm" fw={500}>
                {row.competency}
              </Text>
              <Group gap={6} wrap="nowrap">
                {row.current === null ? (
                  <Badge color="gray" variant="outline" size="sm">
                    {t('gaps.unassessed')}
                  </Badge>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('gaps.currentLevel', { level: row.current })}
                  </Text>
                )}
                {item?.gap != null && item.gap > 0 ? (
                  <Badge color="orange" variant="light" size="sm">
                    {t('gaps.gap', { gap: item.gap })}
                  </Badge>
                ) : null}
              </Group>
            </Group>
            <Stack gap={3}>
              <Progress
                value={(row.required / maxLevel) * 100}
                color="gray.5"
                size="md"
                aria-label={`${row.competency}: ${t('gaps.requiredLevel', { level: row.required })}`}
              />
              {row.current === null ? (
                <Box h={12} style={{ border: '1px dashed var(--mantine-color-gray-4)', borderRadius: 4 }} aria-hidden />
              ) : (
                <Progress
                  value={(row.current / maxLevel) * 100}
                  color="teal.7"
                  size="md"
                  aria-label={`${row.competency}: ${t('gaps.currentLevel', { level: row.current })}`}
                />
              )}
            </Stack>
          </Box>
        );
      })}
      <Group justify="space-between" aria-hidden>
        {[0, 1, 2, 3, 4, 5].map((level) => (
          <Text key={level} size="xs" c="dimmed">
            {level}
          </Text>
        ))}
      </Group>
    </Stack>
  );
}

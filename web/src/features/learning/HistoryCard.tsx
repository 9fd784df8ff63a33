/**
 * The caller's learning history (GET /me/history): completed training, mentoring and coaching,
 * approved reports, newest first, with the JP each brought and the ledger's JP per year.
 */
import { Badge, Group, Stack, Text } from '@mantine/core';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { formatDay, formatJp } from '../../lib/format';
import { useMyHistory } from './queries';

export function HistoryCard() {
  const { t, language } = useI18n();
  const history = useMyHistory();
  return (
    <Section id="history" title={t('history.title')}>
      <QueryState query={history} isEmpty={(d) => d.items.length === 0 && d.jpByYear.length === 0} empty={t('history.empty')}>
        {(data) => (
          <Stack gap="sm">
            {data.jpByYear.length > 0 ? (
              <Group gap="xs" aria-label={t('history.jpByYear')} role="group">
                <Text size="sm" fw={500}>
                  {t('history.jpByYear')}:
                </Text>
                {data.jpByYear.map((y) => (
                  <Badge key={y.year} variant="outline" tt="none">
                    {y.year}: {formatJp(y.jp)} JP
                  </Badge>
                ))}
              </Group>
            ) : null}
            <Stack gap={0}>
              {data.items.map((item) => (
                <Group
                  key={`${item.kind}-${item.id}`}
                  justify="space-between"
                  wrap="nowrap"
                  align="flex-start"
                  gap="xs"
                  py="xs"
                  data-testid="history-item"
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                >
                  <div>
                    <Text size="sm" fw={600}>
                      {item.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`history.kind.${item.kind}` as const)} ·{' '}
                      {item.startDate && item.startDate !== item.endDate
                        ? t('learning.period', { from: formatDay(item.startDate, language), to: formatDay(item.endDate, language) })
                        : formatDay(item.endDate, language)}
                      {item.certificate ? ` · ${t('history.certificate', { number: item.certificate.number })}` : ''}
                    </Text>
                  </div>
                  <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
                    {formatJp(item.jp)} JP
                  </Text>
                </Group>
              ))}
            </Stack>
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

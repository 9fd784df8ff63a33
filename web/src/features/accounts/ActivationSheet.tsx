/**
 * The activation codes as a sheet to print and cut into slips, one per person: name, NIP, unit,
 * the code, until when it works, and where to activate (the console's /aktivasi, with the region's
 * code). On paper only the sheet is printed (the print rules below hide the console around it
 * and undo its frames' padding and clipping).
 * The codes exist only in this answer: leaving the page loses them (issuing again replaces them).
 */
import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../lib/format';
import type { ActivationCodes } from './queries';

const printRules = `@page { size: A4 portrait; margin: 12mm; }
@media print {
  body *:not(:has(.activation-sheet)):not(.activation-sheet):not(.activation-sheet *) { display: none !important; }
  *:has(.activation-sheet) {
    position: static !important; overflow: visible !important; margin: 0 !important; padding: 0 !important;
    border: 0 !important; box-shadow: none !important; background: #fff !important; min-height: 0 !important; height: auto !important;
  }
  .activation-sheet .sheet-controls { display: none !important; }
  .activation-slip { break-inside: avoid; border-style: dashed !important; }
}`;

export function ActivationSheet({
  codes,
  region,
  regionName,
  timeZone,
}: {
  codes: ActivationCodes;
  region: string;
  regionName: string;
  timeZone: string;
}) {
  const { t, language } = useI18n();
  const where = `${location.origin}/aktivasi`;
  return (
    <section className="activation-sheet" aria-labelledby="activation-sheet-title">
      <style>{printRules}</style>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="activation-sheet-title">
              {t('acc.sheet.title')}
            </Title>
            <Text size="sm">{regionName}</Text>
          </div>
          <Group className="sheet-controls" gap="xs">
            <Button onClick={() => window.print()}>{t('acc.sheet.print')}</Button>
          </Group>
        </Group>
        <Text size="sm" className="sheet-controls" c="dimmed">
          {t('acc.sheet.once', { n: codes.items.length })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {codes.items.map((c) => (
            <Paper
              key={c.accountId}
              withBorder
              p="sm"
              radius="sm"
              className="activation-slip"
              data-testid="activation-slip"
              data-nip={c.username}
            >
              <Text fw={700} size="sm">
                {c.name ?? c.username}
              </Text>
              <Text size="sm">
                NIP <span data-testid="slip-nip">{c.username}</span>
              </Text>
              {c.unit ? (
                <Text size="xs" c="dimmed">
                  {c.unit}
                </Text>
              ) : null}
              <Text size="xs" mt="xs">
                {t('acc.sheet.code')}
              </Text>
              <Text ff="monospace" fz="xl" fw={700} data-testid="slip-code" style={{ letterSpacing: '0.08em' }}>
                {c.code}
              </Text>
              <Text size="xs">{t('acc.sheet.where', { where, region })}</Text>
              <Text size="xs" c="dimmed">
                {t('acc.sheet.until', { until: formatInstant(c.expiresAt, timeZone, language) })}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </Stack>
    </section>
  );
}

/**
 * One IKM result (PermenPAN-RB 14/2017): the mean of each of the nine elements U1…U9 (1–4), the
 * converted score (IKM × 25) with its grade badge and the respondents. The server computes every
 * figure; the badge shows the grade it gave the score shown (A 88,31–100, B 76,61–88,30,
 * C 65,00–76,60, D 25,00–64,99).
 */
import { Group, Stack, Table, Text } from '@mantine/core';
import { type MessageKey, useI18n } from '../../i18n';
import { ScrollTable } from '../national/ScrollTable';
import { IkmGradeBadge } from '../survey/grades';
import type { IkmResult } from './queries';

export const ikmScore = (n: number) => n.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const mean = (n: number) => n.toLocaleString('id-ID', { minimumFractionDigits: 4, maximumFractionDigits: 4 });

export function IkmPanel({ result }: { result: IkmResult }) {
  const { t } = useI18n();
  return (
    <Stack gap="md" data-testid="ikm-panel">
      <Group gap="xl" align="flex-end">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('ikm.converted')}
          </Text>
          <Text fz={36} fw={700} lh={1.1} data-testid="ikm-converted">
            {ikmScore(result.converted)}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('survey.results.grade')}
          </Text>
          <IkmGradeBadge grade={result.grade} size="xl" />
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('survey.results.respondents')}
          </Text>
          <Text fw={600} data-testid="ikm-respondents">
            {result.responses.toLocaleString('id-ID')}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('ikm.index')}
          </Text>
          <Text fw={600}>{mean(result.ikm)}</Text>
        </Stack>
      </Group>
      <ScrollTable label={t('ikm.element')} minWidth={260}>
        <Table fz="sm" data-testid="ikm-elements">
          <Table.Caption>{t('ikm.elements.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('ikm.element')}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('ikm.mean')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.elements.map((e) => (
              <Table.Tr key={e.code} data-element={e.code}>
                <Table.Td>
                  {e.code} · {t(`ikm.${e.code}` as MessageKey)}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }} data-testid="ikm-mean">
                  {mean(e.mean)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Text size="xs" c="dimmed">
        {t('ikm.rule')}
      </Text>
    </Stack>
  );
}

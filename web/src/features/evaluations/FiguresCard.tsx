/**
 * An evaluation's figures: L1 reaction (responses, rate, the mean of each item on the 1–5 scale),
 * L2 learning (participants with both scores, mean pre and post, the gain in points and the
 * group's normalized gain ⟨g⟩ = (post − pre) / (100 − pre) with the figures it is computed from),
 * L3 behaviour (responses, rate, mean). A missing figure is a dash, never 0.
 */
import { Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Fact } from '../../components/Fact';
import { type MessageKey, useI18n } from '../../i18n';
import type { EvaluationFigures } from './queries';

const number = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined ? '—' : v.toLocaleString('id-ID', { maximumFractionDigits: digits });
const percent = (v: number | null) => (v === null ? '—' : `${number(v * 100, 0)} %`);

export function FiguresCard({ figures }: { figures: EvaluationFigures }) {
  const { t } = useI18n();
  const items = Object.entries(figures.l1.items);
  return (
    <Stack gap="md" data-testid="evaluation">
      <Text size="sm">{t('ev.completed', { n: figures.completed })}</Text>
      <section aria-labelledby="ev-l1">
        <Title order={3} size="h5" id="ev-l1" mb={4}>
          {t('ev.l1')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 2, sm: 3 }} m={0} mb="xs">
          <Fact label={t('ev.responses')}>{figures.l1.responses}</Fact>
          <Fact label={t('ev.rate')}>{percent(figures.l1.rate)}</Fact>
          <Fact label={t('ev.mean')}>{number(figures.l1.mean)}</Fact>
        </SimpleGrid>
        {items.length > 0 ? (
          <Table>
            <Table.Tbody>
              {items.map(([item, mean]) => (
                <Table.Tr key={item}>
                  <Table.Td w="35%">{t(`reaction.${item}` as MessageKey)}</Table.Td>
                  <Table.Td>
                    <Progress value={mean === null ? 0 : (mean / 5) * 100} aria-label={t(`reaction.${item}` as MessageKey)} />
                  </Table.Td>
                  <Table.Td ta="right" w={64}>
                    {number(mean)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </section>
      <section aria-labelledby="ev-l2">
        <Title order={3} size="h5" id="ev-l2" mb={4}>
          {t('ev.l2')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 2, sm: 3 }} m={0}>
          <Fact label={t('ev.bothScores')}>{figures.l2.n}</Fact>
          <Fact label={t('ev.meanPre')}>{number(figures.l2.meanPre)}</Fact>
          <Fact label={t('ev.meanPost')}>{number(figures.l2.meanPost)}</Fact>
          <Fact label={t('ev.meanGain')}>{number(figures.l2.meanGain)}</Fact>
          <Fact label={t('ev.hake')}>
            <span data-testid="hake">{number(figures.l2.hakeGain, 4)}</span>
          </Fact>
          <Fact label={t('ev.individualGain')}>{number(figures.l2.meanIndividualGain, 4)}</Fact>
        </SimpleGrid>
      </section>
      <section aria-labelledby="ev-l3">
        <Title order={3} size="h5" id="ev-l3" mb={4}>
          {t('ev.l3')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 2, sm: 3 }} m={0}>
          <Fact label={t('ev.responses')}>{figures.l3.responses}</Fact>
          <Fact label={t('ev.rate')}>{percent(figures.l3.rate)}</Fact>
          <Fact label={t('ev.mean')}>{number(figures.l3.mean)}</Fact>
        </SimpleGrid>
      </section>
    </Stack>
  );
}

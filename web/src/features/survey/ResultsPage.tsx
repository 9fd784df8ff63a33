/**
 * A unit's public IKM results (`/survei/{region}/{unit code}/hasil`), where the region publishes
 * them: the latest ended period's score, grade and respondents, then the earlier periods —
 * aggregates of at least five responses only (the server decides; this page only shows).
 */
import { Alert, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useParams } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { ApiProblem } from '../../lib/api/problem';
import { IkmGradeBadge } from './grades';
import { PublicFrame } from './PublicFrame';
import { type PublicResults, usePublicResults } from './queries';

export function ResultsPage() {
  const { t } = useI18n();
  const { region = '', unit = '' } = useParams();
  const results = usePublicResults(region, unit);
  const hidden = results.error instanceof ApiProblem && results.error.status === 404;
  return (
    <PublicFrame
      title={t('survey.results.title')}
      subtitle={results.data ? t('survey.unitOf', { unit: results.data.unit.name, region: results.data.region }) : undefined}
    >
      {hidden ? (
        <Alert color="yellow" role="alert">
          {t('survey.results.notPublic')}
        </Alert>
      ) : (
        <QueryState query={results} lines={4}>
          {(data) => <Results data={data} />}
        </QueryState>
      )}
    </PublicFrame>
  );
}

function Results({ data }: { data: PublicResults }) {
  const { t, language } = useI18n();
  const locale = language === 'id' ? 'id-ID' : 'en-GB';
  const score = (n: number) => n.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const count = (n: number) => n.toLocaleString(locale);
  return (
    <Stack>
      {data.latest ? (
        <Card withBorder radius="md" padding="lg">
          <Text size="sm" c="dimmed">
            {t('survey.results.latest', { period: data.latest.period })}
          </Text>
          <Group gap="lg" mt="xs" align="flex-end">
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('survey.results.score')}
              </Text>
              <Text fz={40} fw={700} lh={1.1}>
                {score(data.latest.converted)}
              </Text>
            </Stack>
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {t('survey.results.grade')}
              </Text>
              <IkmGradeBadge grade={data.latest.grade} size="xl" />
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('survey.results.respondents')}
              </Text>
              <Text fw={600}>{count(data.latest.responses)}</Text>
            </Stack>
          </Group>
        </Card>
      ) : (
        <Alert color="gray">{t('survey.results.none')}</Alert>
      )}
      {data.periods.length > 1 ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('survey.results.period')}</Table.Th>
              <Table.Th>{t('survey.results.score')}</Table.Th>
              <Table.Th>{t('survey.results.grade')}</Table.Th>
              <Table.Th>{t('survey.results.respondents')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.periods.map((p) => (
              <Table.Tr key={p.period}>
                <Table.Td>{p.period}</Table.Td>
                <Table.Td>{score(p.converted)}</Table.Td>
                <Table.Td>{p.grade}</Table.Td>
                <Table.Td>{count(p.responses)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('survey.results.rule', { min: data.minimumResponses })}
      </Text>
    </Stack>
  );
}

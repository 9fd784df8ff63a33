/**
 * Survei IKM for the tenant admin (`/admin/survei`): every unit with its public survey link, its
 * printable poster, and the switch that publishes its results page.
 */
import { Anchor, Button, Card, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { useMe } from '../../lib/api/caller';
import { surveyUrl } from './PosterPage';
import { usePublication, useSurveyUnits } from './queries';

export function SurveyAdminPage() {
  const { t } = useI18n();
  const tenant = useMe().data?.tenant?.slug ?? '';
  const units = useSurveyUnits(tenant);
  const publication = usePublication(tenant);
  const items = units.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('survey.admin.title')}
      </Title>
      <Text size="sm">{t('survey.admin.intro')}</Text>
      {units.isError ? <ProblemAlert error={units.error} /> : null}
      {publication.isError ? <ProblemAlert error={publication.error} /> : null}
      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('survey.admin.unit')}</Table.Th>
                <Table.Th>{t('survey.admin.link')}</Table.Th>
                <Table.Th>{t('survey.admin.poster')}</Table.Th>
                <Table.Th>{t('survey.admin.publish')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {u.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {u.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={u.surveyPath} size="sm" style={{ wordBreak: 'break-all' }}>
                      {surveyUrl(tenant, u.code)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      component={Link}
                      to={`/admin/survei/poster/${encodeURIComponent(u.code)}`}
                      size="xs"
                      variant="light"
                      aria-label={t('survey.admin.printPoster', { unit: u.name })}
                    >
                      {t('survey.admin.poster')}
                    </Button>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Switch
                        checked={u.resultsPublic}
                        aria-label={t('survey.admin.publishOf', { unit: u.name })}
                        disabled={publication.isPending}
                        onChange={(e) => publication.mutate({ id: u.id, resultsPublic: e.currentTarget.checked })}
                      />
                      {u.resultsPublic ? (
                        <Anchor href={u.resultsPath} size="xs">
                          /hasil
                        </Anchor>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {units.hasNextPage ? (
        <Button variant="default" onClick={() => void units.fetchNextPage()} loading={units.isFetchingNextPage}>
          {t('survey.admin.more')}
        </Button>
      ) : null}
    </Stack>
  );
}

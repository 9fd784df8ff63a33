/**
 * Recommended programs with the reasons (which gap each closes) and their open offerings; "Minta
 * tempat" asks for a place, and the offering then shows the place's status.
 */
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { RecommendationFacts } from '../../components/RecommendationFacts';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { formatDay } from '../../lib/format';
import { type Enrollment, type Recommendation, useEnrollments, useRecommendations, useRequestPlace } from './queries';

export function RecommendationsCard() {
  const { t } = useI18n();
  const recommendations = useRecommendations();
  const enrollments = useEnrollments();
  const { slug } = useTenantClock();
  const request = useRequestPlace(slug);
  const placeIn = (offeringId: string) => enrollments.data?.items.find((e) => e.offeringId === offeringId && e.status !== 'withdrawn');
  return (
    <Section id="recommendations" title={t('recommendations.title')}>
      {request.isError ? <ProblemAlert error={request.error} /> : null}
      <QueryState query={recommendations} lines={5} isEmpty={(d) => d.items.length === 0} empty={t('recommendations.empty')}>
        {(data) => (
          <Stack gap="sm">
            {data.items.map((item) => (
              <RecommendationItem
                key={item.program.id}
                item={item}
                placeIn={placeIn}
                pending={request.isPending ? request.variables : undefined}
                onRequest={(id) => request.mutate(id)}
              />
            ))}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

function RecommendationItem({
  item,
  placeIn,
  pending,
  onRequest,
}: {
  item: Recommendation;
  placeIn: (offeringId: string) => Enrollment | undefined;
  pending: string | undefined;
  onRequest: (offeringId: string) => void;
}) {
  const { t, language } = useI18n();
  const open = item.offerings.filter((o) => o.status === 'open' || o.status === 'planned');
  return (
    <Card withBorder radius="sm" padding="sm" component="article" aria-label={item.program.title}>
      <Text fw={600}>{item.program.title}</Text>
      <RecommendationFacts item={item} />
      {open.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('recommendations.noOffering')}
        </Text>
      ) : (
        <Stack gap={6} mt="xs">
          {open.map((offering) => {
            const place = placeIn(offering.id);
            return (
              <Group key={offering.id} justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm">
                  {formatDay(offering.startDate, language)} – {formatDay(offering.endDate, language)}
                  {' · '}
                  {offering.online ? t('recommendations.online') : (offering.location ?? '')}
                </Text>
                {place ? (
                  <Badge color="teal" variant="outline">
                    {t(`enrollment.status.${place.status}` as const)}
                  </Badge>
                ) : (
                  <Button
                    size="xs"
                    onClick={() => onRequest(offering.id)}
                    loading={pending === offering.id}
                    aria-label={t('recommendations.requestFor', {
                      title: item.program.title,
                      date: formatDay(offering.startDate, language),
                    })}
                  >
                    {t('recommendations.request')}
                  </Button>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}

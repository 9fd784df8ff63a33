/**
 * One recommended program for one person, as the admin sees it: title, JP, cost and the reason
 * lines, its open schedules, and "Daftarkan". With one schedule the person is enrolled in it at
 * once; with several a dialog asks which. The answer is said beside the program: enrolled, on the
 * waitlist because it was full, or already there, with a link to the offering's queue; a refusal
 * is said in the reader's language.
 */
import { Alert, Anchor, Button, Card, Group, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { Dialog } from '../../components/Dialog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RecommendationFacts } from '../../components/RecommendationFacts';
import { useI18n } from '../../i18n';
import { formatDay } from '../../lib/format';
import { type Recommendation, type RecommendedOffering, useEnrollRecommended } from './queries';

export function RecommendedProgram({
  tenant,
  employee,
  item,
}: {
  tenant: string | undefined;
  employee: { id: string; name: string };
  item: Recommendation;
}) {
  const { t, language } = useI18n();
  const enroll = useEnrollRecommended(tenant);
  const [choosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const offerings = item.offerings;
  const title = item.program.title;
  const schedule = (o: RecommendedOffering) =>
    t('rec.enroll.offering', {
      from: formatDay(o.startDate, language),
      to: formatDay(o.endDate, language),
      place: o.online ? t('recommendations.online') : (o.location ?? '—'),
      capacity: o.capacity,
    });
  const place = (offeringId: string) => {
    setChoosing(false);
    enroll.mutate({ employeeId: employee.id, offeringId });
  };
  const placed = enroll.data;
  const placedIn = placed ? offerings.find((o) => o.id === placed.offeringId) : undefined;
  const outcome = () => {
    if (!placed) return '';
    const values = { name: employee.name, title, date: placedIn ? formatDay(placedIn.startDate, language) : '' };
    if (!placed.created) return t('rec.enroll.already', { ...values, status: t(`enrollment.status.${placed.status}` as const) });
    return placed.status === 'waitlisted' ? t('rec.enroll.waitlisted', values) : t('rec.enroll.enrolled', values);
  };
  return (
    <Card withBorder radius="sm" padding="sm" component="article" aria-label={title} data-testid="recommended-program">
      <Text fw={600}>{title}</Text>
      <RecommendationFacts item={item} />
      {offerings.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('recommendations.noOffering')}
        </Text>
      ) : (
        <Stack gap={4} mt="xs">
          <Text size="sm" fw={500}>
            {t('rec.offerings')}
          </Text>
          {offerings.map((o) => (
            <Text size="sm" key={o.id}>
              {schedule(o)}
            </Text>
          ))}
          <Group>
            <Button
              size="xs"
              loading={enroll.isPending}
              aria-label={t('rec.enroll.for', { name: employee.name, title })}
              onClick={() => {
                const [only] = offerings;
                if (offerings.length === 1 && only) place(only.id);
                else {
                  setChosen(offerings[0]?.id ?? null);
                  setChoosing(true);
                }
              }}
            >
              {t('rec.enroll.button')}
            </Button>
          </Group>
        </Stack>
      )}
      {placed ? (
        <Alert mt="xs" color={placed.status === 'waitlisted' ? 'orange' : 'teal'} role="status" data-testid="enroll-outcome">
          <Text size="sm">{outcome()}</Text>
          <Anchor component={Link} to={`/admin/katalog/pelaksanaan/${placed.offeringId}`} size="sm" c="inherit" underline="always">
            {t('rec.enroll.queue')}
          </Anchor>
        </Alert>
      ) : null}
      {enroll.isError ? (
        <ProblemAlert error={enroll.error} texts={{ conflict: 'rec.enroll.closed', unprocessable: 'rec.enroll.inactive' }} />
      ) : null}
      <Dialog opened={choosing} onClose={() => setChoosing(false)} title={t('rec.enroll.pickTitle')}>
        <Stack>
          <Text size="sm">{t('rec.enroll.pickIntro', { name: employee.name, title })}</Text>
          <Radio.Group label={t('rec.enroll.pick')} value={chosen} onChange={setChosen}>
            <Stack gap="xs" mt="xs">
              {offerings.map((o) => (
                <Radio key={o.id} value={o.id} label={schedule(o)} />
              ))}
            </Stack>
          </Radio.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setChoosing(false)}>
              {t('rec.enroll.cancel')}
            </Button>
            <Button disabled={chosen === null} onClick={() => chosen && place(chosen)}>
              {t('rec.enroll.confirm')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Card>
  );
}

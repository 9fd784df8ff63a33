/** The caller's places: asked for, enrolled, waiting, completed; a place not yet completed can be withdrawn. */
import { Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { formatDay } from '../../lib/format';
import { type Enrollment, useEnrollments, useOffering, useWithdraw } from './queries';

const statusColor: Record<Enrollment['status'], string> = {
  requested: 'blue',
  enrolled: 'teal',
  waitlisted: 'yellow',
  withdrawn: 'gray',
  completed: 'green',
};

export function EnrollmentsCard() {
  const { t } = useI18n();
  const enrollments = useEnrollments();
  const { slug } = useTenantClock();
  const withdraw = useWithdraw(slug);
  return (
    <Section id="enrollments" title={t('enrollments.title')}>
      {withdraw.isError ? <ProblemAlert error={withdraw.error} /> : null}
      <QueryState query={enrollments} isEmpty={(d) => d.items.length === 0} empty={t('enrollments.empty')}>
        {(data) => (
          <Stack gap="xs">
            {data.items.map((enrollment) => (
              <EnrollmentRow key={enrollment.id} enrollment={enrollment} tenant={slug} onWithdraw={() => withdraw.mutate(enrollment.id)} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

function EnrollmentRow({ enrollment, tenant, onWithdraw }: { enrollment: Enrollment; tenant: string | undefined; onWithdraw: () => void }) {
  const { t, language } = useI18n();
  const offering = useOffering(tenant, enrollment.offeringId);
  const withdrawable = enrollment.status === 'requested' || enrollment.status === 'enrolled' || enrollment.status === 'waitlisted';
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <div>
        {offering.data ? (
          <>
            <Text size="sm" fw={500}>
              {offering.data.programTitle}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDay(offering.data.startDate, language)} – {formatDay(offering.data.endDate, language)}
            </Text>
          </>
        ) : (
          <Skeleton height={16} width={200} />
        )}
      </div>
      <Group gap="xs">
        <Badge color={statusColor[enrollment.status]} variant="light">
          {t(`enrollment.status.${enrollment.status}` as const)}
        </Badge>
        {withdrawable ? (
          <Button size="compact-xs" variant="subtle" color="red" onClick={onWithdraw}>
            {t('enrollments.withdraw')}
          </Button>
        ) : null}
      </Group>
    </Group>
  );
}

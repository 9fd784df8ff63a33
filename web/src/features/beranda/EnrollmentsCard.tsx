/** The caller's places: asked for, enrolled, waiting, completed; a place not yet completed can be withdrawn. */
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { formatDay } from '../../lib/format';
import { type Enrollment, useEnrollments, useWithdraw } from './queries';

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
              <EnrollmentRow key={enrollment.id} enrollment={enrollment} onWithdraw={() => withdraw.mutate(enrollment.id)} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

function EnrollmentRow({ enrollment, onWithdraw }: { enrollment: Enrollment; onWithdraw: () => void }) {
  const { t, language } = useI18n();
  const { offering } = enrollment;
  const withdrawable = enrollment.status === 'requested' || enrollment.status === 'enrolled' || enrollment.status === 'waitlisted';
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <div>
        <Text size="sm" fw={500}>
          {offering.programTitle}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDay(offering.startDate, language)} – {formatDay(offering.endDate, language)}
        </Text>
      </div>
      <Group gap="xs">
        <EnrollmentStatus status={enrollment.status} />
        {withdrawable ? (
          <Button size="compact-xs" variant="subtle" color="red" onClick={onWithdraw}>
            {t('enrollments.withdraw')}
          </Button>
        ) : null}
      </Group>
    </Group>
  );
}

/** A place's status in words, coloured (also on the employee record). */
export function EnrollmentStatus({ status, size }: { status: Enrollment['status']; size?: 'sm' }) {
  const { t } = useI18n();
  return (
    <Badge color={statusColor[status]} variant="light" size={size} style={{ flexShrink: 0 }}>
      {t(`enrollment.status.${status}` as const)}
    </Badge>
  );
}

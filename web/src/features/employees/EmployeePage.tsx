/**
 * One employee's record: who they are (unit, position, grade, NIP facts), the competency gaps of
 * their position, assessments, JP of the year, enrollments, recommendations (with "Daftarkan")
 * and pairings; edit, and deactivate (with a confirmation; someone else's change since the page
 * was read is a 412 with a reload).
 */
import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Dialog } from '../../components/Dialog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { formatDay, formatInstantDay, formatJp } from '../../lib/format';
import { EnrollmentStatus } from '../beranda/EnrollmentsCard';
import { EmployeeRecommendations } from '../recommendations/EmployeeRecommendations';
import { nameById } from './organisation';
import {
  type Employee,
  useDeactivateEmployee,
  useEmployee,
  useEmployeeAssessments,
  useEmployeeEnrollments,
  useEmployeeGaps,
  useEmployeeJp,
  useEmployeePairings,
  usePositions,
  useUnits,
} from './queries';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

export function EmployeePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const employee = useEmployee(slug, id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/pegawai" size="sm">
        ← {t('employees.title')}
      </Anchor>
      <QueryState query={employee} lines={6}>
        {(e) => (
          <>
            <Profile employee={e} tenant={slug} />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Gaps tenant={slug} id={e.id} />
              <Jp tenant={slug} id={e.id} />
              <Assessments tenant={slug} id={e.id} />
              <Enrollments tenant={slug} id={e.id} />
              <EmployeeRecommendations tenant={slug} employee={e} />
              <Pairings tenant={slug} id={e.id} />
            </SimpleGrid>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function Profile({ employee: e, tenant }: { employee: Employee; tenant: string | undefined }) {
  const { t, language } = useI18n();
  const units = nameById(useUnits(tenant).data?.items);
  const positions = nameById(usePositions(tenant).data?.items);
  const deactivate = useDeactivateEmployee(tenant, e.id);
  const reload = useEmployee(tenant, e.id);
  const [confirming, { open, close }] = useDisclosure();
  return (
    <Section
      title={e.name}
      id="profile"
      action={
        <Group gap="xs">
          <Button component={Link} to={`/admin/pegawai/${e.id}/ubah`} size="xs" variant="light">
            {t('employee.edit')}
          </Button>
          {e.status === 'active' ? (
            <Button size="xs" variant="light" color="red" onClick={open}>
              {t('employee.deactivate')}
            </Button>
          ) : null}
        </Group>
      }
    >
      <Group gap="xs" mb="sm">
        <Badge variant="light" color={e.status === 'active' ? 'teal' : 'gray'}>
          {t(`employees.status.${e.status}` as const)}
        </Badge>
        <Badge variant="outline">{e.employmentType.toUpperCase()}</Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <Fact label="NIP">{e.nip}</Fact>
        <Fact label={t('employees.unit')}>{units.get(e.unitId) ?? '…'}</Fact>
        <Fact label={t('employees.position')}>{positions.get(e.positionId) ?? '…'}</Fact>
        <Fact label={t('employees.grade')}>{e.grade}</Fact>
        <Fact label={t('nip.birth')}>{e.birthDate ? formatDay(e.birthDate, language) : '—'}</Fact>
        <Fact label={t('nip.gender')}>{e.gender ? t(`nip.gender.${e.gender}` as const) : '—'}</Fact>
        <Fact label={t('employee.email')}>{e.email ?? '—'}</Fact>
        <Fact label={t('employee.version')}>{e.version}</Fact>
      </SimpleGrid>
      {deactivate.isError ? (
        <ProblemAlert
          error={deactivate.error}
          onReload={() => {
            deactivate.reset();
            void reload.refetch();
          }}
        />
      ) : null}
      <Dialog opened={confirming} onClose={close} title={t('employee.deactivateTitle')}>
        <Stack>
          <Text size="sm">{t('employee.deactivateBody', { name: e.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('employee.cancel')}
            </Button>
            <Button color="red" loading={deactivate.isPending} onClick={() => deactivate.mutate(e.version, { onSettled: close })}>
              {t('employee.deactivateConfirm')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Section>
  );
}

function Gaps({ tenant, id }: { tenant: string | undefined; id: string }) {
  const { t } = useI18n();
  const gaps = useEmployeeGaps(tenant, id);
  return (
    <Section title={t('employee.gaps')} id="gaps">
      <QueryState query={gaps} isEmpty={(d) => d.items.length === 0} empty={t('employee.gapsEmpty')}>
        {(d) => (
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('employee.competency')}</Table.Th>
                <Table.Th>{t('employee.required')}</Table.Th>
                <Table.Th>{t('employee.current')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.items.map((g) => (
                <Table.Tr key={g.competencyId}>
                  <Table.Td>{g.name}</Table.Td>
                  <Table.Td>{g.required}</Table.Td>
                  <Table.Td>{g.current ?? t('employee.unassessed')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Section>
  );
}

function Jp({ tenant, id }: { tenant: string | undefined; id: string }) {
  const { t, language } = useI18n();
  const jp = useEmployeeJp(tenant, id);
  return (
    <Section title={t('employee.jp')} id="jp">
      <QueryState query={jp}>
        {(d) => (
          <Stack gap="xs">
            <Text size="sm">{t('employee.jpSummary', { total: formatJp(d.total), target: formatJp(d.target), year: d.year })}</Text>
            {d.entries.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('employee.jpEmpty')}
              </Text>
            ) : (
              d.entries.map((entry) => (
                <Group key={entry.id} justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {formatDay(entry.occurredAt.slice(0, 10), language)} · {entry.note ?? entry.source}
                  </Text>
                  <Text size="sm" fw={600}>
                    {formatJp(entry.jp)} JP
                  </Text>
                </Group>
              ))
            )}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

function Assessments({ tenant, id }: { tenant: string | undefined; id: string }) {
  const { t, language } = useI18n();
  const assessments = useEmployeeAssessments(tenant, id);
  const gaps = useEmployeeGaps(tenant, id);
  const names = new Map((gaps.data?.items ?? []).map((g) => [g.competencyId, g.name]));
  return (
    <Section title={t('employee.assessments')} id="assessments">
      <QueryState query={assessments} isEmpty={(d) => d.items.length === 0} empty={t('employee.assessmentsEmpty')}>
        {(d) => (
          <Stack gap={4}>
            {d.items.map((a) => (
              <Text size="sm" key={a.id}>
                {formatDay(a.date, language)} · {names.get(a.competencyId) ?? a.competencyId} · {t('employee.level', { level: a.level })} ·{' '}
                {a.source}
              </Text>
            ))}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

function Enrollments({ tenant, id }: { tenant: string | undefined; id: string }) {
  const { t, language } = useI18n();
  const { timeZone } = useTenantClock();
  const enrollments = useEmployeeEnrollments(tenant, id);
  return (
    <Section title={t('employee.enrollments')} id="enrollments">
      <QueryState query={enrollments} isEmpty={(d) => d.items.length === 0} empty={t('employee.enrollmentsEmpty')}>
        {(d) => (
          <Stack gap={4}>
            {d.items.map((e) => (
              <Group key={e.id} gap="xs" wrap="nowrap" align="flex-start">
                <EnrollmentStatus status={e.status} size="sm" />
                <div>
                  <Text size="sm">{e.offering.programTitle}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDay(e.offering.startDate, language)} – {formatDay(e.offering.endDate, language)} ·{' '}
                    {t('employee.enrolledOn', { day: formatInstantDay(e.createdAt, timeZone, language) })}
                  </Text>
                </div>
              </Group>
            ))}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

function Pairings({ tenant, id }: { tenant: string | undefined; id: string }) {
  const { t } = useI18n();
  const pairings = useEmployeePairings(tenant, id);
  return (
    <Section title={t('employee.pairings')} id="pairings">
      <QueryState query={pairings} isEmpty={(d) => d.length === 0} empty={t('employee.pairingsEmpty')}>
        {(d) => (
          <Stack gap={4}>
            {d.map((p) => (
              <Group key={p.id} gap="xs">
                <Badge size="sm" variant="light">
                  {t(`pairing.status.${p.status}` as const)}
                </Badge>
                <Text size="sm">
                  {t(`pairing.kind.${p.kind}` as const)} · {p.menteeId === id ? t('employee.asMentee') : t('employee.asMentor')}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

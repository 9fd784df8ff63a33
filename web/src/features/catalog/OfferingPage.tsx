/**
 * An offering's queue (/admin/katalog/pelaksanaan/:id): its facts and edit form, enrolling
 * people, and the places by status — enrolled (withdraw; record completion for many at once),
 * waitlisted in queue order, requested (approve), completed (L2 scores, certificates) and
 * withdrawn. A change that can promote the waitlist (more capacity, a withdrawal) compares the
 * queue before and after: the people who moved up are named in an announcement and highlighted.
 */
import { Alert, Anchor, Badge, Button, Checkbox, Group, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Dialog } from '../../components/Dialog';
import { Fact } from '../../components/Fact';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { formatDay, formatJp } from '../../lib/format';
import { FiguresCard } from '../evaluations/FiguresCard';
import { useOfferingEvaluation } from '../evaluations/queries';
import { OfferingStatus } from './CatalogPage';
import { CompletedTable, CompletionForm } from './CompletionPanel';
import { EnrollPanel } from './EnrollPanel';
import { OfferingForm } from './OfferingForm';
import { type Offering, type PlaceAction, type QueueEntry, useOffering, usePlaceAction, useProgram, useQueue } from './queries';

type Status = QueueEntry['status'];
const tabs: Status[] = ['enrolled', 'waitlisted', 'requested', 'completed', 'withdrawn'];

export function OfferingPage() {
  const { t, language } = useI18n();
  const { id = '' } = useParams();
  const { slug } = useTenantClock();
  const queue = useQueue(slug, id);
  const offeringRead = useOfferingRead(slug, id);
  const [editing, setEditing] = useState(false);
  // Who waited before a change that can promote the waitlist (an edit of the offering, a
  // withdrawal): those of them the queue now holds enrolled moved up. Worked out from whatever the
  // queue last read, so no refresh racing another (the save's own) can hide them.
  const [watching, setWatching] = useState<ReadonlySet<string>>(new Set());
  const waitingNow = () => new Set((queue.data?.items ?? []).filter((e) => e.status === 'waitlisted').map((e) => e.id));
  const promoted: QueueEntry[] = (queue.data?.items ?? []).filter((e) => watching.has(e.id) && e.status === 'enrolled');
  /** Runs a change that may promote the waitlist, then reads the queue again. */
  const tracking = async (change: () => Promise<unknown>) => {
    setWatching(waitingNow());
    await change();
    await queue.refetch();
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/katalog?tab=pelaksanaan" size="sm">
        ← {t('cat.offerings')}
      </Anchor>
      <QueryState query={offeringRead.offering}>
        {(offering) => (
          <>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1} size="h2">
                  {offering.programTitle}
                </Title>
                <Text c="dimmed" size="sm">
                  {formatDay(offering.startDate, language)} – {formatDay(offering.endDate, language)}
                </Text>
              </div>
              <Button
                variant="light"
                onClick={() => {
                  setWatching(waitingNow());
                  setEditing(true);
                }}
              >
                {t('cat.editOffering')}
              </Button>
            </Group>
            <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} m={0}>
              <Fact label={t('cat.status')}>
                <OfferingStatus status={offering.status} />
              </Fact>
              <Fact label={t('cat.seats')}>
                <span data-testid="seats">{t('cat.seatsOf', { taken: offering.seatsTaken, capacity: offering.capacity })}</span>
              </Fact>
              <Fact label={t('cat.waitlist')}>
                <span data-testid="waitlisted">{offering.waitlisted}</span>
              </Fact>
              <Fact label={t('cat.location')}>{offering.online ? t('cat.online') : (offering.location ?? '—')}</Fact>
              {offeringRead.program.data ? <Fact label="JP">{formatJp(offeringRead.program.data.jp)}</Fact> : null}
            </SimpleGrid>
            <Dialog opened={editing} onClose={() => setEditing(false)} title={t('cat.editOffering')} size="lg">
              {editing ? (
                <OfferingForm
                  key={offering.version}
                  tenant={slug}
                  offering={offering}
                  onReload={() => void offeringRead.offering.refetch()}
                  onDone={() => {
                    setEditing(false);
                    void queue.refetch();
                  }}
                />
              ) : null}
            </Dialog>
            {promoted.length > 0 ? (
              <Alert
                color="teal"
                role="status"
                title={t('cat.promotedTitle', { n: promoted.length })}
                withCloseButton
                closeButtonLabel={t('form.close')}
                onClose={() => setWatching(new Set())}
              >
                {promoted.map((e) => e.employee.name).join(', ')}
              </Alert>
            ) : null}
            {offering.status === 'planned' || offering.status === 'open' || offering.status === 'running' ? (
              <Section title={t('cat.enrollTitle')} id="enroll">
                <EnrollPanel
                  tenant={slug}
                  offeringId={id}
                  program={offeringRead.program.data}
                  inQueue={new Set((queue.data?.items ?? []).filter((e) => e.status !== 'withdrawn').map((e) => e.employeeId))}
                  freeSeats={Math.max(0, offering.capacity - offering.seatsTaken)}
                />
              </Section>
            ) : null}
            <Section title={t('cat.queue')}>
              <QueryState query={queue}>
                {(data) => (
                  <QueueTabs
                    offering={offering}
                    entries={data.items}
                    promoted={new Set(promoted.map((e) => e.id))}
                    hasTests={offeringRead.program.data?.hasTests ?? false}
                    tracking={tracking}
                  />
                )}
              </QueryState>
            </Section>
            <Section title={t('ev.title')}>
              <OfferingEvaluation tenant={slug} offeringId={id} />
            </Section>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function OfferingEvaluation({ tenant, offeringId }: { tenant: string | undefined; offeringId: string }) {
  const evaluation = useOfferingEvaluation(tenant, offeringId);
  return <QueryState query={evaluation}>{(figures) => <FiguresCard figures={figures} />}</QueryState>;
}

function useOfferingRead(tenant: string | undefined, id: string) {
  const offering = useOffering(tenant, id);
  const program = useProgram(tenant, offering.data?.programId);
  return { offering, program };
}

function QueueTabs({
  offering,
  entries,
  promoted,
  hasTests,
  tracking,
}: {
  offering: Offering;
  entries: QueueEntry[];
  promoted: ReadonlySet<string>;
  hasTests: boolean;
  tracking: (change: () => Promise<unknown>) => Promise<void>;
}) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Status>('enrolled');
  const by = (s: Status) => entries.filter((e) => e.status === s);
  return (
    <Tabs value={tab} onChange={(v) => setTab(tabs.find((x) => x === v) ?? 'enrolled')}>
      <Tabs.List>
        {tabs.map((s) => (
          <Tabs.Tab key={s} value={s}>
            {t(`cat.place.${s}`)} ({by(s).length})
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="enrolled" pt="md">
        <EnrolledTab offering={offering} entries={by('enrolled')} promoted={promoted} tracking={tracking} />
      </Tabs.Panel>
      <Tabs.Panel value="waitlisted" pt="md">
        <PlacesTable entries={by('waitlisted')} numbered actions={['withdraw']} tracking={tracking} />
      </Tabs.Panel>
      <Tabs.Panel value="requested" pt="md">
        <PlacesTable entries={by('requested')} actions={['approve', 'withdraw']} tracking={tracking} />
      </Tabs.Panel>
      <Tabs.Panel value="completed" pt="md">
        <CompletedTable offeringId={offering.id} entries={by('completed')} hasTests={hasTests} />
      </Tabs.Panel>
      <Tabs.Panel value="withdrawn" pt="md">
        <PlacesTable entries={by('withdrawn')} actions={[]} tracking={tracking} />
      </Tabs.Panel>
    </Tabs>
  );
}

function EnrolledTab({
  offering,
  entries,
  promoted,
  tracking,
}: {
  offering: Offering;
  entries: QueueEntry[];
  promoted: ReadonlySet<string>;
  tracking: (change: () => Promise<unknown>) => Promise<void>;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const live = new Set([...selected].filter((id) => entries.some((e) => e.id === id)));
  return (
    <Stack gap="md">
      <PlacesTable
        entries={entries}
        actions={['withdraw']}
        tracking={tracking}
        promoted={promoted}
        selection={{ selected: live, onChange: setSelected }}
      />
      <CompletionForm ids={[...live]} defaultDay={offering.endDate} onDone={() => setSelected(new Set())} />
    </Stack>
  );
}

function PlacesTable({
  entries,
  actions,
  tracking,
  numbered,
  promoted,
  selection,
}: {
  entries: QueueEntry[];
  actions: PlaceAction[];
  tracking: (change: () => Promise<unknown>) => Promise<void>;
  numbered?: boolean;
  promoted?: ReadonlySet<string>;
  selection?: { selected: ReadonlySet<string>; onChange: (next: Set<string>) => void };
}) {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const act = usePlaceAction(slug);
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('cat.noPlaces')}
      </Text>
    );
  }
  const all = selection ? entries.every((e) => selection.selected.has(e.id)) : false;
  return (
    <Stack gap="xs">
      {act.isError ? <ProblemAlert error={act.error} /> : null}
      <Table.ScrollContainer minWidth={420}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              {selection ? (
                <Table.Th w={40}>
                  <Checkbox
                    checked={all}
                    aria-label={t('cat.chooseAll')}
                    onChange={() => selection.onChange(all ? new Set() : new Set(entries.map((e) => e.id)))}
                  />
                </Table.Th>
              ) : null}
              {numbered ? <Table.Th w={56}>{t('cat.position')}</Table.Th> : null}
              <Table.Th>{t('cat.person')}</Table.Th>
              <Table.Th>NIP</Table.Th>
              {actions.length > 0 ? <Table.Th>{t('cat.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e, i) => {
              const moved = promoted?.has(e.id) ?? false;
              return (
                <Table.Tr key={e.id} bg={moved ? 'teal.0' : undefined} data-promoted={moved || undefined}>
                  {selection ? (
                    <Table.Td>
                      <Checkbox
                        checked={selection.selected.has(e.id)}
                        aria-label={t('cat.chooseNamed', { name: e.employee.name })}
                        onChange={() => {
                          const next = new Set(selection.selected);
                          if (next.has(e.id)) next.delete(e.id);
                          else next.add(e.id);
                          selection.onChange(next);
                        }}
                      />
                    </Table.Td>
                  ) : null}
                  {numbered ? <Table.Td>{i + 1}</Table.Td> : null}
                  <Table.Td>
                    {e.employee.name}{' '}
                    {moved ? (
                      <Badge size="xs" color="teal" variant="filled" autoContrast>
                        {t('cat.movedUp')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{e.employee.nip}</Table.Td>
                  {actions.length > 0 ? (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {actions.map((a) => (
                          <Button
                            key={a}
                            size="compact-xs"
                            variant={a === 'approve' ? 'filled' : 'light'}
                            color={a === 'withdraw' ? 'red' : undefined}
                            aria-label={t(`cat.${a}Named`, { name: e.employee.name })}
                            loading={act.isPending && act.variables?.id === e.id}
                            onClick={() => void tracking(() => act.mutateAsync({ id: e.id, action: a })).catch(() => undefined)}
                          >
                            {t(`cat.${a}`)}
                          </Button>
                        ))}
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

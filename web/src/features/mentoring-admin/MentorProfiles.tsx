/**
 * Mentor profiles: the list, and a dialog to create one (an employee picked) or change one
 * (capacity, competencies offered, availability, active/paused). A change is sent with the
 * version read (`If-Match`): a stale one says so and offers to reload the profile; field errors
 * stand beside their fields.
 */
import { Button, Group, MultiSelect, NativeSelect, NumberInput, Stack, Table, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrors } from '../../components/problem-text';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { ApiProblem } from '../../lib/api/problem';
import { EmployeePicker, type PickedEmployee } from '../assessments/EmployeePicker';
import { ScrollTable } from '../national/ScrollTable';
import { useCompetencies } from '../organisation/queries';
import { type Mentor, useMentors, useSaveMentor } from './queries';

function MentorForm({
  tenant,
  mentor,
  onDone,
  onReload,
}: {
  tenant: string | undefined;
  mentor?: Mentor;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const save = useSaveMentor(tenant);
  const competencies = useCompetencies(tenant);
  const [employee, setEmployee] = useState<PickedEmployee | null>(null);
  const form = useForm({
    initialValues: {
      capacity: mentor?.capacity ?? 3,
      competencies: mentor?.competencies ?? [],
      availability: mentor?.availability ?? '',
      status: mentor?.status ?? 'active',
    },
  });
  const options = (competencies.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }));
  // A competency the profile holds that is no longer listed (retired) stays selectable.
  for (const id of form.values.competencies) if (!options.some((o) => o.value === id)) options.push({ value: id, label: id });
  const submit = form.onSubmit((v) => {
    if (!mentor && !employee) {
      form.setFieldError('employeeId', t('mentoring.profile.pickEmployee'));
      return;
    }
    const availability = v.availability.trim();
    const changes = { capacity: v.capacity, competencies: v.competencies, status: v.status };
    const failed = (e: unknown) => {
      const errors = fieldErrors(e, t);
      // An unknown or retired competency is reported by its place in the list: shown on the list's field.
      for (const [field, message] of Object.entries(errors)) if (field.startsWith('competencies.')) errors.competencies = message;
      if (e instanceof ApiProblem && e.status === 409 && !mentor) errors.employeeId = t('mentoring.profile.taken');
      form.setErrors(errors);
    };
    // Closed on the save's promise: the refreshed version re-keys this form, and a mutate callback would be lost.
    save
      .mutateAsync(
        mentor
          ? { id: mentor.id, version: mentor.version, changes: { ...changes, availability: availability || null } }
          : { create: { employeeId: employee?.id ?? '', ...changes, ...(availability ? { availability } : {}) } },
      )
      .then(onDone, failed);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {mentor ? (
          <Text fw={600}>{mentor.name}</Text>
        ) : (
          <Stack gap={2}>
            <EmployeePicker tenant={tenant} value={employee} onChange={setEmployee} />
            {form.errors.employeeId ? (
              <Text size="xs" c="red" role="alert">
                {form.errors.employeeId}
              </Text>
            ) : null}
          </Stack>
        )}
        <NumberInput label={t('mentoring.mentors.capacity')} min={0} max={50} allowDecimal={false} {...form.getInputProps('capacity')} />
        <MultiSelect
          label={t('mentoring.profile.competencies')}
          data={options}
          searchable
          clearable
          {...form.getInputProps('competencies')}
        />
        <Textarea label={t('mentoring.mentors.availability')} autosize minRows={2} {...form.getInputProps('availability')} />
        <NativeSelect
          label={t('mentoring.mentors.status')}
          data={(['active', 'paused'] as const).map((s) => ({ value: s, label: t(`mentoring.mentors.${s}`) }))}
          {...form.getInputProps('status')}
        />
        {save.isError ? <ProblemAlert error={save.error} onReload={onReload} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('mentoring.profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function MentorProfiles({ tenant }: { tenant: string | undefined }) {
  const { t } = useI18n();
  const mentors = useMentors(tenant);
  // The dialog: closed, a new profile, or the id of the profile changed (read afresh from the list).
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const [generation, setGeneration] = useState(0);
  const current = editing && editing !== 'new' ? mentors.data?.items.find((m) => m.id === editing) : undefined;
  const reload = () => void mentors.refetch().then(() => setGeneration((g) => g + 1));
  return (
    <Stack>
      <Group>
        <Button variant="light" onClick={() => setEditing('new')}>
          {t('mentoring.profile.new')}
        </Button>
      </Group>
      <QueryState query={mentors} isEmpty={(d) => d.items.length === 0} empty={<Text size="sm">{t('mentoring.mentors.empty')}</Text>}>
        {(d) => (
          <ScrollTable label={t('mentoring.mentors.title')} minWidth={560}>
            <Table fz="sm" verticalSpacing={4} data-testid="mentors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('mentoring.mentor')}</Table.Th>
                  <Table.Th scope="col">{t('mentoring.mentors.capacity')}</Table.Th>
                  <Table.Th scope="col">{t('mentoring.mentors.status')}</Table.Th>
                  <Table.Th scope="col">{t('mentoring.mentors.availability')}</Table.Th>
                  <Table.Th scope="col">{t('mentoring.profile.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{m.name}</Table.Td>
                    <Table.Td>{m.capacity}</Table.Td>
                    <Table.Td>{t(`mentoring.mentors.${m.status}`)}</Table.Td>
                    <Table.Td>{m.availability ?? '–'}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setEditing(m.id)}
                        aria-label={t('mentoring.profile.editOf', { name: m.name })}
                      >
                        {t('mentoring.profile.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </QueryState>
      <Dialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('mentoring.profile.new') : t('mentoring.profile.edit')}
      >
        {editing === 'new' || current ? (
          <MentorForm
            key={`${current?.id ?? 'new'}-${current?.version ?? 0}-${generation}`}
            tenant={tenant}
            {...(current ? { mentor: current } : {})}
            onDone={() => setEditing(null)}
            onReload={reload}
          />
        ) : null}
      </Dialog>
    </Stack>
  );
}

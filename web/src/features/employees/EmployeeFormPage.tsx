/**
 * Tambah / ubah pegawai: NIP (explained digit by digit as it is typed), name, employment type,
 * grade, unit, position, email. The server's refusals go beside their fields (a NIP taken, a
 * field out of its rules); an edit is sent at the version read, and someone else's change since
 * is said with a reload that brings their version into the form.
 */
import { Anchor, Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrors } from '../../components/problem-text';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { type Translate, useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { ApiProblem } from '../../lib/api/problem';
import { todayIn } from '../../lib/format';
import { NipExplained } from './NipExplained';
import { readNip } from './nip';
import { positionOptions, unitOptions } from './organisation';
import { type Employee, useCreateEmployee, useEmployee, usePositions, useUnits, useUpdateEmployee } from './queries';

interface Values {
  nip: string;
  name: string;
  employmentType: 'pns' | 'pppk';
  grade: string;
  unitId: string | null;
  positionId: string | null;
  email: string;
}

const valuesOf = (e: Employee): Values => ({
  nip: e.nip,
  name: e.name,
  employmentType: e.employmentType,
  grade: e.grade,
  unitId: e.unitId,
  positionId: e.positionId,
  email: e.email ?? '',
});

const blank: Values = { nip: '', name: '', employmentType: 'pns', grade: '', unitId: null, positionId: null, email: '' };

/** The server's refusal as errors beside the fields: a taken NIP says so; other fields the usual sentence. */
function errorsOf(error: unknown, t: Translate): Record<string, string> {
  const errors = fieldErrors(error, t);
  if (error instanceof ApiProblem && error.status === 409 && 'nip' in error.fields) errors.nip = t('employee.nipTaken');
  return errors;
}

export function EmployeeNewPage() {
  const { t } = useI18n();
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/pegawai" size="sm">
        ← {t('employees.title')}
      </Anchor>
      <Title order={1} size="h2">
        {t('employee.newTitle')}
      </Title>
      <EmployeeForm initial={blank} />
    </Stack>
  );
}

export function EmployeeEditPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const employee = useEmployee(slug, id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/admin/pegawai/${id}`} size="sm">
        ← {employee.data?.name ?? t('employees.title')}
      </Anchor>
      <Title order={1} size="h2">
        {t('employee.editTitle')}
      </Title>
      <QueryState query={employee} lines={6}>
        {(e) => <EmployeeForm initial={valuesOf(e)} employee={e} />}
      </QueryState>
    </Stack>
  );
}

function EmployeeForm({ initial, employee }: { initial: Values; employee?: Employee }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { slug, timeZone } = useTenantClock();
  const today = todayIn(timeZone);
  const units = useUnits(slug);
  const positions = usePositions(slug);
  const create = useCreateEmployee(slug);
  const update = useUpdateEmployee(slug, employee?.id ?? '');
  const reload = useEmployee(slug, employee?.id ?? '');
  const mutation = employee ? update : create;
  // The version the edit is based on: the one read when the form was filled, not whatever the cache holds later.
  const version = useRef(employee?.version ?? 0);
  const form = useForm<Values>({
    initialValues: initial,
    validate: {
      nip: (v, values) => (readNip(v, values.employmentType, today).ok ? null : t('employee.nipInvalid')),
      name: (v) => (v.trim().length >= 2 ? null : t('employee.required')),
      grade: (v) => (v.trim() ? null : t('employee.required')),
      unitId: (v) => (v ? null : t('employee.required')),
      positionId: (v) => (v ? null : t('employee.required')),
      email: (v) => (v.trim() === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.trim()) ? null : t('employee.emailInvalid')),
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: set once per employee read
  useEffect(() => {
    if (employee) version.current = employee.version;
  }, [employee?.id]);

  const reloadLatest = async () => {
    const latest = await reload.refetch();
    if (latest.data) {
      version.current = latest.data.version;
      form.setValues(valuesOf(latest.data));
      form.resetDirty(valuesOf(latest.data));
    }
    update.reset();
  };

  const submit = form.onSubmit((v) => {
    const body = {
      nip: v.nip.replace(/\s+/g, ''),
      name: v.name.trim(),
      employmentType: v.employmentType,
      grade: v.grade.trim(),
      unitId: v.unitId ?? '',
      positionId: v.positionId ?? '',
      email: v.email.trim() || null,
    };
    const done = (saved: Employee) => navigate(`/admin/pegawai/${saved.id}`);
    const failed = (e: unknown) => form.setErrors(errorsOf(e, t));
    if (employee) {
      update.mutate({ version: version.current, changes: body }, { onSuccess: done, onError: failed });
    } else {
      create.mutate({ ...body, supervisorId: null, siasnId: null }, { onSuccess: done, onError: failed });
    }
  });

  return (
    <Section title={t('employee.details')}>
      <form noValidate onSubmit={submit}>
        <Stack>
          <SegmentedControl
            aria-label={t('employees.type')}
            data={[
              { value: 'pns', label: 'PNS' },
              { value: 'pppk', label: 'PPPK' },
            ]}
            {...form.getInputProps('employmentType')}
          />
          <div>
            <TextInput
              label="NIP"
              description={t('employee.nipHelp')}
              inputMode="numeric"
              autoComplete="off"
              aria-describedby="nip-explained"
              {...form.getInputProps('nip')}
            />
            <NipExplained id="nip-explained" nip={form.values.nip} type={form.values.employmentType} today={today} />
          </div>
          <TextInput label={t('employees.name')} description={t('employee.nameHelp')} {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('employees.unit')} data={unitOptions(units.data?.items ?? [])} searchable {...form.getInputProps('unitId')} />
            <Select
              label={t('employees.position')}
              data={positionOptions(positions.data?.items ?? [])}
              searchable
              {...form.getInputProps('positionId')}
            />
            <TextInput
              label={t('employees.grade')}
              description={form.values.employmentType === 'pns' ? t('employee.gradePns') : t('employee.gradePppk')}
              {...form.getInputProps('grade')}
            />
            <TextInput label={t('employee.email')} type="email" {...form.getInputProps('email')} />
          </SimpleGrid>
          {mutation.isError ? <ProblemAlert error={mutation.error} {...(employee ? { onReload: () => void reloadLatest() } : {})} /> : null}
          {employee ? (
            <Text size="xs" c="dimmed">
              {t('employee.editingVersion', { version: version.current })}
            </Text>
          ) : null}
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {employee ? t('employee.save') : t('employee.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

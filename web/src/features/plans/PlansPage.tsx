/**
 * Rencana tahunan (/admin/rencana): compute a plan for a year and a budget with its options and
 * watch the job's progress; read a plan's totals against the naive plan, per unit, and its lines;
 * recompute it (e.g. under a smaller budget) and compare two plans; approve a draft after a
 * confirmation that names the enrollments and the money. A 409 at approval (seats taken since)
 * is explained with "Hitung ulang". The year and the plans shown live in the address
 * (`?tahun=&rencana=&banding=`).
 */
import { Alert, Badge, Button, Group, NativeSelect, NumberInput, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Dialog } from '../../components/Dialog';
import { JobProgress } from '../../components/JobProgress';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { ApiProblem } from '../../lib/api/problem';
import { formatInstant, formatRupiah, yearIn } from '../../lib/format';
import { useOfferings } from '../catalog/queries';
import { nameById } from '../employees/organisation';
import { useUnits } from '../employees/queries';
import { useCompetencies } from '../organisation/queries';
import { PlanCompare } from './PlanCompare';
import { PlanForm } from './PlanForm';
import { PlanLines } from './PlanLines';
import { PlanTotals, UnitTotals } from './PlanTotals';
import { type Plan, type PlanSummary, useApprove, useComputePlan, usePlan, usePlanJob, usePlans, useRecompute } from './queries';

function usePlanAddress(defaultYear: number) {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('tahun')) || defaultYear;
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  return { year, plan: params.get('rencana'), other: params.get('banding'), set };
}

function planLabel(p: PlanSummary, t: ReturnType<typeof useI18n>['t'], when: string): string {
  return t('plan.pick.option', {
    when,
    budget: formatRupiah(p.budget),
    status: t(`plan.status.${p.status}`),
  });
}

export function PlansPage() {
  const { t, language } = useI18n();
  const { slug, timeZone } = useTenantClock();
  // The plan is usually made for the coming year.
  const thisYear = yearIn(timeZone);
  const address = usePlanAddress(thisYear + 1);
  const units = useUnits(slug);
  const [formYear, setFormYear] = useState(address.year);
  const offerings = useOfferings(slug, { from: `${formYear}-01-01` });
  const competencies = useCompetencies(slug);
  const plans = usePlans(slug, address.year);
  const compute = useComputePlan(slug);
  const recompute = useRecompute(slug);
  const [job, setJob] = useState<{ id: string; source: string | null }>();
  // A finished computation shows its plan; a recompute is compared with the plan it came from.
  const jobQuery = usePlanJob(slug, job?.id, (plan) =>
    address.set({ tahun: String(plan.year), rencana: plan.id, banding: job?.source ?? null }),
  );

  const unitNames = nameById(units.data?.items);
  const competencyNames = new Map((competencies.data?.items ?? []).map((c) => [c.id, `${c.code} ${c.name}`]));
  const when = (iso: string) => formatInstant(iso, timeZone, language);
  const options = (plans.data?.items ?? []).map((p) => ({ value: p.id, label: planLabel(p, t, when(p.createdAt)) }));
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('plan.title')}
      </Title>
      <Section title={t('plan.form.title')} id="compute">
        <Stack>
          <Text size="sm">{t('plan.form.intro')}</Text>
          <PlanForm
            year={address.year}
            units={units.data?.items ?? []}
            offeringsFrom={offerings.data?.items ?? []}
            pending={compute.isPending}
            error={compute.error}
            onYear={setFormYear}
            onSubmit={(body) => compute.mutate(body, { onSuccess: (j) => setJob({ id: j.id, source: null }) })}
          />
        </Stack>
      </Section>
      {jobQuery.data ? (
        <Section title={t('plan.job.title')} id="job">
          <Stack>
            <JobProgress
              label={t('plan.job.progress')}
              status={jobQuery.data.status}
              done={jobQuery.data.progress.done}
              total={jobQuery.data.progress.total}
            />
            {jobQuery.data.status === 'failed' ? (
              <Alert color="red" role="alert" title={t('plan.job.failed')}>
                {jobQuery.data.error?.detail ?? ''}
              </Alert>
            ) : null}
          </Stack>
        </Section>
      ) : null}
      <Section
        title={t('plan.list.title', { year: address.year })}
        id="plan"
        action={
          <NativeSelect
            aria-label={t('plan.list.year')}
            value={String(address.year)}
            onChange={(e) => address.set({ tahun: e.currentTarget.value, rencana: null, banding: null })}
            data={years.map(String)}
          />
        }
      >
        <QueryState
          query={plans}
          isEmpty={(d) => d.items.length === 0}
          empty={
            <Text size="sm" c="dimmed">
              {t('plan.list.empty')}
            </Text>
          }
        >
          {() => (
            <Stack>
              <Select
                label={t('plan.pick.a')}
                data={options}
                value={address.plan}
                onChange={(v) => address.set({ rencana: v })}
                allowDeselect={false}
              />
              {address.plan ? (
                <PlanDetail
                  id={address.plan}
                  unitName={(id) => unitNames.get(id) ?? id}
                  competencyName={(id) => competencyNames.get(id) ?? id}
                  recomputing={recompute.isPending}
                  recomputeError={recompute.error}
                  onRecompute={(id, budget) =>
                    recompute.mutate(
                      { id, ...(budget === undefined ? {} : { budget }) },
                      { onSuccess: (j) => setJob({ id: j.id, source: id }) },
                    )
                  }
                />
              ) : null}
            </Stack>
          )}
        </QueryState>
      </Section>
      {address.plan && options.length > 1 ? (
        <Section title={t('plan.compare.title')} id="compare">
          <Stack>
            <Select
              label={t('plan.pick.b')}
              data={options.filter((o) => o.value !== address.plan)}
              value={address.other}
              onChange={(v) => address.set({ banding: v })}
              clearable
            />
            {address.other ? <PlanCompare tenant={slug} a={address.plan} b={address.other} /> : null}
          </Stack>
        </Section>
      ) : null}
    </Stack>
  );
}

function PlanDetail({
  id,
  unitName,
  competencyName,
  recomputing,
  recomputeError,
  onRecompute,
}: {
  id: string;
  unitName: (id: string) => string;
  competencyName: (id: string) => string;
  recomputing: boolean;
  recomputeError: unknown;
  onRecompute: (id: string, budget?: number) => void;
}) {
  const { t, language } = useI18n();
  const { slug, timeZone } = useTenantClock();
  const plan = usePlan(slug, id);
  return (
    <QueryState query={plan} lines={6}>
      {(p) => (
        <Stack gap="lg">
          <Group gap="xs">
            <Badge color={p.status === 'approved' ? 'teal' : 'gray'} variant="light">
              {t(`plan.status.${p.status}`)}
            </Badge>
            <Text size="sm">{t('plan.detail.budget', { budget: formatRupiah(p.budget) })}</Text>
          </Group>
          {p.status === 'approved' && p.approvedAt ? (
            <Alert
              color="teal"
              role="status"
              title={t('plan.approve.done', { count: p.totals.lines, when: formatInstant(p.approvedAt, timeZone, language) })}
            />
          ) : null}
          <PlanTotals totals={p.totals} budget={p.budget} />
          {p.status === 'draft' ? (
            <DraftActions plan={p} recomputing={recomputing} recomputeError={recomputeError} onRecompute={onRecompute} />
          ) : null}
          <Title order={3} size="h5">
            {t('plan.units.title')}
          </Title>
          <UnitTotals totals={p.totals} unitName={unitName} />
          <Title order={3} size="h5">
            {t('plan.lines.title')}
          </Title>
          <PlanLines tenant={slug} planId={p.id} unitName={unitName} competencyName={competencyName} />
        </Stack>
      )}
    </QueryState>
  );
}

/** Approve (after a confirmation naming the enrollments and the money) or recompute a draft. */
function DraftActions({
  plan,
  recomputing,
  recomputeError,
  onRecompute,
}: {
  plan: Plan;
  recomputing: boolean;
  recomputeError: unknown;
  onRecompute: (id: string, budget?: number) => void;
}) {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const approve = useApprove(slug);
  const [confirming, setConfirming] = useState(false);
  const [budget, setBudget] = useState<number | string>(plan.budget);
  const seatsTaken = approve.error instanceof ApiProblem && approve.error.status === 409;
  const money = formatRupiah(plan.totals.budgetUsed);
  return (
    <Stack gap="sm">
      {seatsTaken ? (
        <Alert color="orange" role="alert" title={t('plan.approve.seatsTaken')}>
          <Stack gap="xs">
            <Text size="sm">{t('plan.approve.seatsTakenHelp')}</Text>
            <Group>
              <Button size="xs" loading={recomputing} onClick={() => onRecompute(plan.id)}>
                {t('plan.recompute.again')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : approve.error ? (
        <ProblemAlert error={approve.error} />
      ) : null}
      <Group align="flex-end">
        <Button onClick={() => setConfirming(true)} disabled={plan.totals.lines === 0}>
          {t('plan.approve.button')}
        </Button>
        <NumberInput
          label={t('plan.recompute.budget')}
          prefix="Rp "
          thousandSeparator="."
          decimalSeparator=","
          allowDecimal={false}
          allowNegative={false}
          value={budget}
          onChange={setBudget}
          w={220}
        />
        <Button variant="default" loading={recomputing} disabled={budget === ''} onClick={() => onRecompute(plan.id, Number(budget))}>
          {t('plan.recompute.button')}
        </Button>
      </Group>
      {recomputeError ? <ProblemAlert error={recomputeError} texts={{ conflict: 'plan.form.busy' }} /> : null}
      <Dialog opened={confirming} onClose={() => setConfirming(false)} title={t('plan.approve.confirmTitle')} centered>
        <Stack>
          <Text size="sm">{t('plan.approve.confirm', { count: plan.totals.lines, money, year: plan.year })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('plan.approve.cancel')}
            </Button>
            <Button loading={approve.isPending} onClick={() => approve.mutate(plan, { onSettled: () => setConfirming(false) })}>
              {t('plan.approve.confirmButton', { count: plan.totals.lines })}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Stack>
  );
}

/**
 * The computation's request: year, budget (rupiah) and the options — units in scope, per-person
 * cap, what bringing one person to the JP target is worth, and multipliers per competency type.
 * Checked here before anything is sent; the server's refusals go beside their fields.
 */
import { Button, Fieldset, MultiSelect, NumberInput, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrors } from '../../components/problem-text';
import { useI18n } from '../../i18n';
import { unitOptions } from '../employees/organisation';
import type { Unit } from '../employees/queries';
import type { NewPlan } from './queries';

const types = ['manajerial', 'sosial_kultural', 'teknis'] as const;

export interface PlanFormValues {
  year: number;
  budget: number | string;
  units: string[];
  perPersonCap: number | string;
  jpTargetBonus: number | string;
  manajerial: number | string;
  sosial_kultural: number | string;
  teknis: number | string;
}

/** The request body of the form's values: options left at their defaults are not sent. */
function planRequest(v: PlanFormValues): NewPlan {
  const weights = Object.fromEntries(types.filter((k) => Number(v[k]) !== 1).map((k) => [k, Number(v[k])]));
  return {
    year: v.year,
    budget: Number(v.budget),
    options: {
      perPersonCap: Number(v.perPersonCap),
      jpTargetBonus: Number(v.jpTargetBonus),
      ...(v.units.length > 0 ? { units: v.units } : {}),
      ...(Object.keys(weights).length > 0 ? { weights: { competencyTypes: weights } } : {}),
    },
  };
}

export function PlanForm({
  year,
  units,
  pending,
  error,
  onSubmit,
}: {
  year: number;
  units: Unit[];
  pending: boolean;
  error: unknown;
  onSubmit: (body: NewPlan) => void;
}) {
  const { t } = useI18n();
  const form = useForm<PlanFormValues>({
    initialValues: { year, budget: '', units: [], perPersonCap: 2, jpTargetBonus: 1, manajerial: 1, sosial_kultural: 1, teknis: 1 },
    validate: {
      year: (v) => (v >= 2000 && v <= 2100 ? null : t('plan.form.yearInvalid')),
      budget: (v) => (v === '' || !Number.isInteger(Number(v)) || Number(v) < 0 ? t('plan.form.budgetInvalid') : null),
      perPersonCap: (v) => (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 10 ? null : t('plan.form.capInvalid')),
      jpTargetBonus: (v) => (v !== '' && Number(v) >= 0 && Number(v) <= 100 ? null : t('plan.form.weightInvalid')),
      manajerial: (v) => (v !== '' && Number(v) >= 0 && Number(v) <= 100 ? null : t('plan.form.weightInvalid')),
      sosial_kultural: (v) => (v !== '' && Number(v) >= 0 && Number(v) <= 100 ? null : t('plan.form.weightInvalid')),
      teknis: (v) => (v !== '' && Number(v) >= 0 && Number(v) <= 100 ? null : t('plan.form.weightInvalid')),
    },
  });
  const serverFields = fieldErrors(error, t);
  const beside = (field: string, path: string) => form.errors[field] ?? serverFields[path];
  return (
    <form onSubmit={form.onSubmit((v) => onSubmit(planRequest(v)))} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('plan.form.year')}
            min={2000}
            max={2100}
            allowDecimal={false}
            {...form.getInputProps('year')}
            error={beside('year', 'year')}
          />
          <NumberInput
            label={t('plan.form.budget')}
            description={t('plan.form.budgetHelp')}
            prefix="Rp "
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('budget')}
            error={beside('budget', 'budget')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('plan.form.units')}
          description={t('plan.form.unitsHelp')}
          data={unitOptions(units)}
          searchable
          clearable
          {...form.getInputProps('units')}
          error={beside('units', 'options.units')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('plan.form.cap')}
            description={t('plan.form.capHelp')}
            min={1}
            max={10}
            allowDecimal={false}
            {...form.getInputProps('perPersonCap')}
            error={beside('perPersonCap', 'options.perPersonCap')}
          />
          <NumberInput
            label={t('plan.form.bonus')}
            description={t('plan.form.bonusHelp')}
            min={0}
            max={100}
            decimalSeparator=","
            {...form.getInputProps('jpTargetBonus')}
            error={beside('jpTargetBonus', 'options.jpTargetBonus')}
          />
        </SimpleGrid>
        <Fieldset legend={t('plan.form.weights')} variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {types.map((k) => (
              <NumberInput
                key={k}
                label={t(`org.type.${k}`)}
                min={0}
                max={100}
                step={0.5}
                decimalSeparator=","
                {...form.getInputProps(k)}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
        {error ? <ProblemAlert error={error} texts={{ conflict: 'plan.form.busy' }} /> : null}
        <div>
          <Button type="submit" loading={pending}>
            {t('plan.form.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/**
 * The computation's request: year, budget (rupiah) and the options — units in scope, the year's
 * offerings to use (all, unless some are unticked), per-person cap, what bringing one person to
 * the JP target is worth, and multipliers per competency type and per unit. Checked here before
 * anything is sent; the server's refusals go beside their fields.
 */
import { Button, Checkbox, Fieldset, Group, MultiSelect, NumberInput, ScrollArea, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrors } from '../../components/problem-text';
import { useI18n } from '../../i18n';
import { formatDay } from '../../lib/format';
import type { Offering } from '../catalog/queries';
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
  /** The year's offerings unticked: every other one is used (none unticked: the server's default, all). */
  leftOut: string[];
  unitWeights: { unitId: string | null; weight: number | string }[];
}

/** The planned and open offerings that start in `year`, from a list read from its first day. */
const offeringsOfYear = (offerings: Offering[], year: number) =>
  offerings.filter((o) => o.startDate.startsWith(`${year}-`) && (o.status === 'planned' || o.status === 'open'));

const weightValid = (v: number | string) => v !== '' && Number(v) >= 0 && Number(v) <= 100;

/** The request body of the form's values: options left at their defaults are not sent. */
function planRequest(v: PlanFormValues, offerings: Offering[]): NewPlan {
  const typeWeights = Object.fromEntries(types.filter((k) => Number(v[k]) !== 1).map((k) => [k, Number(v[k])]));
  const unitWeights = Object.fromEntries(v.unitWeights.flatMap((w) => (w.unitId ? [[w.unitId, Number(w.weight)]] : [])));
  const used = offerings.filter((o) => !v.leftOut.includes(o.id)).map((o) => o.id);
  const weights = {
    ...(Object.keys(typeWeights).length > 0 ? { competencyTypes: typeWeights } : {}),
    ...(Object.keys(unitWeights).length > 0 ? { units: unitWeights } : {}),
  };
  return {
    year: v.year,
    budget: Number(v.budget),
    options: {
      perPersonCap: Number(v.perPersonCap),
      jpTargetBonus: Number(v.jpTargetBonus),
      ...(v.units.length > 0 ? { units: v.units } : {}),
      ...(used.length < offerings.length ? { offerings: used } : {}),
      ...(Object.keys(weights).length > 0 ? { weights } : {}),
    },
  };
}

export function PlanForm({
  year,
  units,
  offeringsFrom,
  pending,
  error,
  onYear,
  onSubmit,
}: {
  year: number;
  units: Unit[];
  /** Offerings read from the first day of the form's year (the form keeps those of that year). */
  offeringsFrom: Offering[];
  pending: boolean;
  error: unknown;
  /** The form's year as typed, so that the page reads that year's offerings. */
  onYear: (year: number) => void;
  onSubmit: (body: NewPlan) => void;
}) {
  const { t, language } = useI18n();
  const form = useForm<PlanFormValues>({
    initialValues: {
      year,
      budget: '',
      units: [],
      perPersonCap: 2,
      jpTargetBonus: 1,
      manajerial: 1,
      sosial_kultural: 1,
      teknis: 1,
      leftOut: [],
      unitWeights: [],
    },
    onValuesChange: (v, previous) => {
      if (v.year !== previous.year && v.year >= 2000 && v.year <= 2100) onYear(v.year);
    },
    validate: {
      year: (v) => (v >= 2000 && v <= 2100 ? null : t('plan.form.yearInvalid')),
      budget: (v) => (v === '' || !Number.isInteger(Number(v)) || Number(v) < 0 ? t('plan.form.budgetInvalid') : null),
      perPersonCap: (v) => (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 10 ? null : t('plan.form.capInvalid')),
      jpTargetBonus: (v) => (v !== '' && Number(v) >= 0 && Number(v) <= 100 ? null : t('plan.form.weightInvalid')),
      manajerial: (v) => (v !== '' && Number(v) >= 0 && Number(v) <= 100 ? null : t('plan.form.weightInvalid')),
      sosial_kultural: (v) => (v !== '' && Number(v) >= 0 && Number(v) <= 100 ? null : t('plan.form.weightInvalid')),
      teknis: (v) => (v !== '' && Number(v) >= 0 && Number(v) <= 100 ? null : t('plan.form.weightInvalid')),
      leftOut: (v, values) => {
        const ofYear = offeringsOfYear(offeringsFrom, values.year);
        return ofYear.length > 0 && ofYear.every((o) => v.includes(o.id)) ? t('plan.form.offeringsPickOne') : null;
      },
      unitWeights: {
        unitId: (v, values) =>
          v === null
            ? t('plan.form.unitWeightPick')
            : values.unitWeights.filter((w) => w.unitId === v).length > 1
              ? t('plan.form.unitWeightTwice')
              : null,
        weight: (v) => (weightValid(v) ? null : t('plan.form.weightInvalid')),
      },
    },
  });
  const offerings = offeringsOfYear(offeringsFrom, form.values.year);
  const leftOut = form.values.leftOut;
  const usedCount = offerings.filter((o) => !leftOut.includes(o.id)).length;
  const serverFields = fieldErrors(error, t);
  const beside = (field: string, path: string) => form.errors[field] ?? serverFields[path];
  return (
    <form onSubmit={form.onSubmit((v) => onSubmit(planRequest(v, offeringsOfYear(offeringsFrom, v.year))))} noValidate>
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
        <Fieldset legend={t('plan.form.offerings')} variant="unstyled">
          {offerings.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('plan.form.offeringsNone', { year: form.values.year })}
            </Text>
          ) : (
            <Stack gap="xs">
              <Text size="xs" c="dimmed">
                {t('plan.form.offeringsHelp', { year: form.values.year })}
              </Text>
              <Checkbox
                label={t('plan.form.offeringsAll', { count: offerings.length })}
                checked={usedCount === offerings.length}
                indeterminate={usedCount > 0 && usedCount < offerings.length}
                onChange={(e) => form.setFieldValue('leftOut', e.currentTarget.checked ? [] : offerings.map((o) => o.id))}
              />
              <ScrollArea.Autosize mah={240} type="auto">
                <Stack gap={6} pl="md">
                  {offerings.map((o) => (
                    <Checkbox
                      key={o.id}
                      data-testid="plan-offering"
                      label={t('plan.form.offering', {
                        title: o.programTitle,
                        date: formatDay(o.startDate, language),
                        place: o.online ? t('plan.form.offeringOnline') : (o.location ?? '—'),
                      })}
                      checked={!leftOut.includes(o.id)}
                      onChange={(e) =>
                        form.setFieldValue('leftOut', e.currentTarget.checked ? leftOut.filter((id) => id !== o.id) : [...leftOut, o.id])
                      }
                    />
                  ))}
                </Stack>
              </ScrollArea.Autosize>
              {form.errors.leftOut || serverFields['options.offerings'] ? (
                <Text size="sm" c="red.8" role="alert">
                  {form.errors.leftOut ?? serverFields['options.offerings']}
                </Text>
              ) : null}
            </Stack>
          )}
        </Fieldset>
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
        <Fieldset legend={t('plan.form.unitWeights')} variant="unstyled">
          <Stack gap="xs">
            <Text size="xs" c="dimmed">
              {t('plan.form.unitWeightsHelp')}
            </Text>
            {form.values.unitWeights.map((_w, i) => (
              <Group key={form.key(`unitWeights.${i}`)} align="flex-start" wrap="nowrap" gap="xs" data-testid="unit-weight">
                <Select
                  style={{ flex: 1, minWidth: 0 }}
                  aria-label={t('plan.form.unitWeightUnit', { n: i + 1 })}
                  placeholder={t('plan.form.units')}
                  data={unitOptions(units)}
                  searchable
                  {...form.getInputProps(`unitWeights.${i}.unitId`)}
                />
                <NumberInput
                  w={96}
                  aria-label={t('plan.form.unitWeightValue', { n: i + 1 })}
                  min={0}
                  max={100}
                  step={0.5}
                  decimalSeparator=","
                  {...form.getInputProps(`unitWeights.${i}.weight`)}
                />
                <Button
                  variant="subtle"
                  color="red"
                  px="xs"
                  aria-label={t('plan.form.unitWeightRemove', { n: i + 1 })}
                  onClick={() => form.removeListItem('unitWeights', i)}
                >
                  ×
                </Button>
              </Group>
            ))}
            {serverFields['options.weights.units'] ? (
              <Text size="sm" c="red.8" role="alert">
                {serverFields['options.weights.units']}
              </Text>
            ) : null}
            <div>
              <Button variant="light" size="xs" onClick={() => form.insertListItem('unitWeights', { unitId: null, weight: 2 })}>
                {t('plan.form.unitWeightAdd')}
              </Button>
            </div>
          </Stack>
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

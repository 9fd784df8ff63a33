/**
 * The public satisfaction survey form (`/survei/{region}/{unit code}`), outside sign-in: the nine
 * elements of PermenPAN-RB 14/2017 with four answers each, the optional anonymous profile, the
 * human check when the server asks for one; after sending, the thank-you page.
 */
import { Alert, Button, Card, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { SubmitWithProblem } from '../../components/SubmitWithProblem';
import { type MessageKey, useI18n } from '../../i18n';
import { ApiProblem } from '../../lib/api/problem';
import { ChallengeWidget } from './challenge';
import { PublicFrame } from './PublicFrame';
import { type PublicResponse, type SurveyForm, useSubmitSurvey, useSurveyForm } from './queries';

export const elements = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
const genders = ['laki_laki', 'perempuan'] as const;
const ages = ['under_20', '20_29', '30_39', '40_49', '50_59', '60_plus'] as const;
const educations = ['tidak_sekolah', 'sd', 'smp', 'sma', 'd1_d3', 'd4_s1', 's2', 's3'] as const;

type Respondent = NonNullable<PublicResponse['respondent']>;

/** The page's address: the region's slug and the unit's code, as on the poster. */
function useAddress() {
  const { region = '', unit = '' } = useParams();
  return { region, unit };
}

export function SurveyPage() {
  const { t } = useI18n();
  const { region, unit } = useAddress();
  const form = useSurveyForm(region, unit);
  const notFound = form.error instanceof ApiProblem && form.error.status === 404;
  return (
    <PublicFrame
      title={t('survey.title')}
      subtitle={form.data ? t('survey.unitOf', { unit: form.data.unit.name, region: form.data.region }) : undefined}
    >
      {notFound ? (
        <Alert color="yellow" role="alert">
          {t('survey.notFound')}
        </Alert>
      ) : (
        <QueryState query={form} lines={6}>
          {(data) => <SurveyFormFields region={region} unit={unit} form={data} />}
        </QueryState>
      )}
    </PublicFrame>
  );
}

function SurveyFormFields({ region, unit, form: facts }: { region: string; unit: string; form: SurveyForm }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const submit = useSubmitSurvey(region, unit);
  const [token, setToken] = useState<string | undefined>();
  const onToken = useCallback((value: string | undefined) => setToken(value), []);
  const form = useForm({
    initialValues: {
      ...(Object.fromEntries(elements.map((e) => [e, ''])) as Record<(typeof elements)[number], string>),
      gender: null as string | null,
      ageBand: null as string | null,
      education: null as string | null,
      service: '',
    },
    validate: Object.fromEntries(elements.map((e) => [e, (v: string) => (v ? null : t('form.chooseOne'))])),
  });
  const unanswered = elements.filter((e) => !form.values[e]).length;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        const respondent: Respondent = {
          ...(values.gender ? { gender: values.gender as Respondent['gender'] } : {}),
          ...(values.ageBand ? { ageBand: values.ageBand as Respondent['ageBand'] } : {}),
          ...(values.education ? { education: values.education as Respondent['education'] } : {}),
          ...(values.service.trim() ? { service: values.service.trim() } : {}),
        };
        submit.mutate(
          {
            answers: elements.map((e) => Number(values[e])),
            ...(Object.keys(respondent).length > 0 ? { respondent } : {}),
            ...(token ? { challenge: token } : {}),
          },
          { onSuccess: () => navigate(`/survei/${region}/${encodeURIComponent(unit)}/terima-kasih`) },
        );
      })}
    >
      <Stack gap="md">
        <Text size="sm">{t('survey.intro')}</Text>
        {elements.map((e, i) => (
          <Card key={e} withBorder radius="md" padding="md">
            <Radio.Group
              label={t(`survey.${e}` as MessageKey)}
              description={t('survey.question', { n: i + 1 })}
              withAsterisk
              {...form.getInputProps(e)}
            >
              <Stack gap="xs" mt="xs">
                {(['1', '2', '3', '4'] as const).map((answer) => (
                  <Radio key={answer} value={answer} label={t(`survey.${e}.${answer}` as MessageKey)} size="md" />
                ))}
              </Stack>
            </Radio.Group>
          </Card>
        ))}
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <Title order={2} size="h5">
              {t('survey.profile')}
            </Title>
            <Select
              label={t('survey.gender')}
              clearable
              data={genders.map((g) => ({ value: g, label: t(`survey.gender.${g}`) }))}
              {...form.getInputProps('gender')}
            />
            <Select
              label={t('survey.age')}
              clearable
              data={ages.map((a) => ({ value: a, label: t(`survey.age.${a}`) }))}
              {...form.getInputProps('ageBand')}
            />
            <Select
              label={t('survey.education')}
              clearable
              data={educations.map((e) => ({ value: e, label: t(`survey.education.${e}`) }))}
              {...form.getInputProps('education')}
            />
            <TextInput
              label={t('survey.service')}
              placeholder={t('survey.service.placeholder')}
              maxLength={200}
              {...form.getInputProps('service')}
            />
          </Stack>
        </Card>
        {facts.challenge ? <ChallengeWidget siteKey={facts.challenge.siteKey} label={t('survey.challenge')} onToken={onToken} /> : null}
        {unanswered > 0 && Object.keys(form.errors).length > 0 ? (
          <Alert color="yellow" role="alert">
            {t('survey.unanswered', { count: unanswered })}
          </Alert>
        ) : null}
        <SubmitWithProblem
          mutation={submit}
          texts={{ 'too-many-requests': 'survey.problem.tooMany', forbidden: 'survey.problem.challenge' }}
          disabled={facts.challenge !== null && token === undefined}
        >
          {t('survey.send')}
        </SubmitWithProblem>
      </Stack>
    </form>
  );
}

/** After sending: thanks, and a way to answer again for another service. */
export function SurveyThanksPage() {
  const { t } = useI18n();
  const { region, unit } = useAddress();
  const form = useSurveyForm(region, unit);
  const name = form.data?.unit.name ?? unit;
  return (
    <PublicFrame
      title={t('survey.thanks.title')}
      subtitle={form.data ? t('survey.unitOf', { unit: name, region: form.data.region }) : undefined}
    >
      <Card withBorder radius="md" padding="lg">
        <Stack>
          <Text role="status">{t('survey.thanks.body', { unit: name })}</Text>
          <Button component={Link} to={`/survei/${region}/${encodeURIComponent(unit)}`} variant="light">
            {t('survey.thanks.again')}
          </Button>
        </Stack>
      </Card>
    </PublicFrame>
  );
}

/**
 * A unit's survey poster (`/admin/survei/poster/{unit code}`): one A4 page to print and put up
 * where the service is given — a heading, the unit and region, a large QR code of the form's
 * address, and the address written out. On screen a print button and a way back; on paper only
 * the poster (the print rules below).
 */
import { Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n';
import { useMe } from '../../lib/api/caller';
import { QrCode } from './QrCode';
import { useSurveyForm } from './queries';

const printRules = `@page { size: A4 portrait; margin: 15mm; }
@media print { .poster-controls { display: none !important; } body { background: #fff; } .poster { border: none !important; } }`;

/** The form's absolute address, as the QR code holds it. */
export const surveyUrl = (region: string, unit: string) => `${location.origin}/survei/${region}/${encodeURIComponent(unit)}`;

export function PosterPage() {
  const { t } = useI18n();
  const { unit = '' } = useParams();
  const region = useMe().data?.tenant?.slug ?? '';
  const facts = useSurveyForm(region, unit);
  const url = surveyUrl(region, unit);
  return (
    <Box p="md" bg="gray.0" mih="100vh" component="main">
      <style>{printRules}</style>
      <Group className="poster-controls" mb="md" justify="center">
        <Button onClick={() => window.print()}>{t('survey.poster.print')}</Button>
        <Button component={Link} to="/admin/survei" variant="default">
          {t('survey.poster.back')}
        </Button>
      </Group>
      <Stack
        className="poster"
        align="center"
        gap="lg"
        maw="210mm"
        mx="auto"
        p="xl"
        bg="white"
        style={{ border: '1px solid var(--mantine-color-gray-3)', textAlign: 'center' }}
      >
        <Text fw={700} c="teal.9">
          {t('survey.title')}
        </Text>
        <Title order={1} fz={40}>
          {t('survey.poster.heading')}
        </Title>
        {facts.data ? (
          <Text fz="xl" fw={600}>
            {t('survey.unitOf', { unit: facts.data.unit.name, region: facts.data.region })}
          </Text>
        ) : null}
        <QrCode text={url} label={url} width="min(120mm, 80vw)" />
        <Text fz="lg">{t('survey.poster.body')}</Text>
        <Text size="sm" c="dimmed">
          {t('survey.poster.orVisit')} <span style={{ wordBreak: 'break-all' }}>{url}</span>
        </Text>
      </Stack>
    </Box>
  );
}

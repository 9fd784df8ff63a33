/** The caller's certificates (STTPP issued by Bangkom), each downloadable as its PDF; a revoked one says so. */
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { formatDay } from '../../lib/format';
import { useDownloadCertificate, useMyCertificates } from './queries';

export function CertificatesCard() {
  const { t, language } = useI18n();
  const certificates = useMyCertificates();
  const download = useDownloadCertificate();
  return (
    <Section id="certificates" title={t('certificates.title')}>
      {download.isError ? <ProblemAlert error={download.error} /> : null}
      <QueryState query={certificates} isEmpty={(d) => d.items.length === 0} empty={t('certificates.empty')}>
        {(data) => (
          <Stack gap={0}>
            {data.items.map((certificate) => (
              <Group
                key={certificate.id}
                justify="space-between"
                wrap="wrap"
                gap="xs"
                py="xs"
                style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              >
                <div>
                  <Text size="sm" fw={600}>
                    {certificate.program.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {certificate.number} · {t('certificates.issuedOn', { date: formatDay(certificate.issuedOn, language) })}
                  </Text>
                </div>
                {certificate.status === 'revoked' ? (
                  <Badge color="red" variant="light">
                    {t('certificates.revoked')}
                  </Badge>
                ) : (
                  <Button
                    size="compact-sm"
                    variant="light"
                    loading={download.isPending && download.variables.id === certificate.id}
                    onClick={() => download.mutate(certificate)}
                    aria-label={t('certificates.downloadFor', { number: certificate.number })}
                  >
                    {t('certificates.download')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

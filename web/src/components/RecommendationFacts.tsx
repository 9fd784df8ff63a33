/**
 * What a recommended program is and why it is recommended: its JP and cost as badges, then one
 * line per competency it closes ("Integritas: level 1 → 3"). Shared by the employee's Beranda and
 * the admin's recommendation screens.
 */
import { Badge, Group, List, Text } from '@mantine/core';
import { useI18n } from '../i18n';
import type { components } from '../lib/api/schema';
import { formatJp, formatRupiah } from '../lib/format';

type Recommendation = components['schemas']['Recommendation'];

export function RecommendationFacts({ item }: { item: Pick<Recommendation, 'program' | 'reasons'> }) {
  const { t } = useI18n();
  return (
    <>
      <Group gap="xs" mt={4}>
        <Badge variant="light" tt="none">
          {t('recommendations.jp', { jp: formatJp(item.program.jp) })}
        </Badge>
        <Badge variant="light" color="gray" tt="none">
          {item.program.costPerParticipant > 0 ? formatRupiah(item.program.costPerParticipant) : t('recommendations.free')}
        </Badge>
      </Group>
      <Text size="sm" mt="xs" fw={500}>
        {t('recommendations.because')}
      </Text>
      <List size="sm" spacing={2}>
        {item.reasons.map((reason) => (
          <List.Item key={reason.competencyId}>
            {t('recommendations.reason', { name: reason.name, from: reason.from, to: reason.to })}
          </List.Item>
        ))}
      </List>
    </>
  );
}

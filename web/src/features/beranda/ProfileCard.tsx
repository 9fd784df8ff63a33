/** Who the employee is: name, NIP, grade, position, unit, supervisor. */
import { SimpleGrid, Text } from '@mantine/core';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import type { Me } from '../../lib/api/caller';

export function ProfileCard({ profile }: { profile: NonNullable<Me['employee']> }) {
  const { t } = useI18n();
  const rows: [string, string][] = [
    [t('profile.nip'), profile.nip],
    [t('profile.grade'), `${profile.grade} · ${profile.employmentType.toUpperCase()}`],
    [t('profile.position'), profile.position.name],
    [t('profile.unit'), profile.unit.name],
    [t('profile.supervisor'), profile.supervisor?.name ?? '—'],
  ];
  return (
    <Section id="profile" title={t('profile.title')}>
      <Text fw={600} size="lg" mb="xs">
        {profile.name}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} verticalSpacing={4} component="dl" m={0}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="xs" c="dimmed">
              {label}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Section>
  );
}

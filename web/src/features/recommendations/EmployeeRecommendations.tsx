/** The "Rekomendasi" section of an employee's record: their top programs with reasons, each with "Daftarkan". */
import { Stack } from '@mantine/core';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useEmployeeRecommendations } from './queries';
import { RecommendedProgram } from './RecommendedProgram';

export function EmployeeRecommendations({ tenant, employee }: { tenant: string | undefined; employee: { id: string; name: string } }) {
  const { t } = useI18n();
  const recommendations = useEmployeeRecommendations(tenant, employee.id);
  return (
    <Section title={t('rec.employee.title')} id="recommendations">
      <QueryState query={recommendations} lines={4} isEmpty={(d) => d.items.length === 0} empty={t('rec.employee.empty')}>
        {(d) => (
          <Stack gap="sm">
            {d.items.map((item) => (
              <RecommendedProgram key={item.program.id} tenant={tenant} employee={employee} item={item} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

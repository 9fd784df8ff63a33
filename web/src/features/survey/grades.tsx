/**
 * An IKM grade's badge (PermenPAN-RB 14/2017: A sangat baik … D tidak baik), the one every screen
 * shows: the public results page and the admin's IKM report. Filled, with `autoContrast`, so the
 * letter stays readable on each colour.
 */
import { Badge } from '@mantine/core';
import { useI18n } from '../../i18n';

const ikmGradeColor = { A: 'teal', B: 'blue', C: 'yellow', D: 'red' } as const;

export function IkmGradeBadge({ grade, size = 'lg' }: { grade: keyof typeof ikmGradeColor; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useI18n();
  return (
    <Badge size={size} color={ikmGradeColor[grade]} variant="filled" autoContrast data-testid="ikm-grade" data-grade={grade}>
      {t(`survey.grade.${grade}`)}
    </Badge>
  );
}

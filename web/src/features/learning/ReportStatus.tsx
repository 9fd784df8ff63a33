/** A learning report's status as a badge, shared by Beranda's list and the report's own page. */
import { Badge, type BadgeProps } from '@mantine/core';
import { useI18n } from '../../i18n';
import type { LearningReport } from './queries';

const statusColor: Record<LearningReport['status'], string> = {
  diajukan: 'blue',
  disetujui: 'teal',
  ditolak: 'red',
  ditarik: 'gray',
};

export function ReportStatusBadge({ status, size }: { status: LearningReport['status']; size?: BadgeProps['size'] }) {
  const { t } = useI18n();
  return (
    <Badge color={statusColor[status]} variant="light" size={size} style={{ flexShrink: 0 }} data-status={status}>
      {t(`learning.status.${status}` as const)}
    </Badge>
  );
}

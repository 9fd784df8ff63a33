import { SegmentedControl } from '@mantine/core';
import { useI18n } from '../../i18n';
import type { RetireFilter } from './queries';

/** In use, retired, or both: the curation lists' filter. */
export function StatusFilter({ value, onChange }: { value: RetireFilter; onChange: (value: RetireFilter) => void }) {
  const { t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      value={value}
      onChange={(v) => onChange(v === 'retired' || v === 'all' ? v : 'active')}
      aria-label={t('curation.statusFilter')}
      data={[
        { value: 'active', label: t('curation.filter.active') },
        { value: 'retired', label: t('curation.filter.retired') },
        { value: 'all', label: t('curation.filter.all') },
      ]}
    />
  );
}

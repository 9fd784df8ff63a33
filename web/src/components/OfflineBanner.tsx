/** Shown while the browser is offline: what is on screen may be stale and saving will wait. */
import { Alert } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { useI18n } from '../i18n';

export function OfflineBanner() {
  const { online } = useNetwork();
  const { t } = useI18n();
  if (online) return null;
  return (
    <Alert color="orange" radius={0} role="status" title={t('offline.title')}>
      {t('offline.body')}
    </Alert>
  );
}

/**
 * The console's dialog: Mantine's Modal with its close button named in the reader's language
 * (unnamed, axe counts it a serious violation: a button without a name).
 */
import { Modal, type ModalProps } from '@mantine/core';
import { useI18n } from '../i18n';

export function Dialog(props: ModalProps) {
  const { t } = useI18n();
  return <Modal closeButtonProps={{ 'aria-label': t('form.close') }} {...props} />;
}

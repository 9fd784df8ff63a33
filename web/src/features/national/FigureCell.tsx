/**
 * One figure in a table cell. A published figure shows its value (the number of people behind it
 * on hover); a suppressed one shows "disembunyikan" as a button whose reason appears on hover, on
 * focus and on touch, and is also read by a screen reader (the tooltip is only the visible half).
 */
import { Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useI18n } from '../../i18n';
import { formatCount, formatFigure } from './figures';
import type { FigureLegend, SummaryFigure } from './queries';

export function FigureCell({
  figure,
  kind,
  minimumPeople,
}: {
  figure: SummaryFigure | undefined;
  kind: FigureLegend['kind'];
  minimumPeople: number;
}) {
  const { t } = useI18n();
  if (!figure) {
    return (
      <Text span size="sm" c="dimmed">
        {t('national.notComputedShort')}
      </Text>
    );
  }
  if (figure.value === null) {
    const reason = t('national.suppressedReason', { n: minimumPeople });
    return (
      <Tooltip label={reason} events={{ hover: true, focus: true, touch: true }} multiline w={220} withArrow>
        <UnstyledButton data-testid="suppressed" fz="sm" c="gray.7" td="underline dotted" style={{ cursor: 'help' }}>
          {t('national.suppressed')}
          <VisuallyHidden>: {reason}</VisuallyHidden>
        </UnstyledButton>
      </Tooltip>
    );
  }
  return (
    <Text span size="sm" title={figure.people === null ? undefined : t('national.people', { n: formatCount(figure.people) })}>
      {formatFigure(figure.value, kind)}
    </Text>
  );
}

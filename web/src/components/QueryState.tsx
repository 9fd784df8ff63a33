/**
 * The three states of a read: a skeleton while loading, the problem if it failed (with a retry),
 * an empty state that says what to do, and otherwise the data.
 */
import { Button, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { ProblemAlert } from './ProblemAlert';

interface Props<T> {
  query: UseQueryResult<T>;
  /** Lines of skeleton while loading. */
  lines?: number;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

export function QueryState<T>({ query, lines = 3, isEmpty, empty, children }: Props<T>) {
  const { t } = useI18n();
  if (query.isPending) {
    return (
      // Said, not labelled: a label on an element without a role is not announced (and axe refuses it).
      <Stack gap="xs" aria-busy="true">
        <VisuallyHidden>{t('state.loading')}</VisuallyHidden>
        {Array.from({ length: lines }, (_, i) => `line-${i}`).map((line, i) => (
          <Skeleton key={line} height={18} radius="sm" width={i === lines - 1 ? '60%' : '100%'} />
        ))}
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Stack gap="xs">
        <ProblemAlert error={query.error} />
        <div>
          <Button size="xs" variant="light" onClick={() => void query.refetch()}>
            {t('state.retry')}
          </Button>
        </div>
      </Stack>
    );
  }
  if (isEmpty?.(query.data)) {
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  }
  return <>{children(query.data)}</>;
}

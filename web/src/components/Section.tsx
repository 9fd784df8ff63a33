/** A titled card: the unit a screen is made of. */
import { Box, Card, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function Section({ title, action, children, id }: { title: string; action?: ReactNode; children: ReactNode; id?: string }) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby={headingId}
      id={id}
      // Brought into view by its address (#id), it stops below the fixed header rather than under it.
      style={{ scrollMarginTop: 'calc(var(--app-shell-header-height, 0px) + var(--mantine-spacing-md))' }}
    >
      <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        {action ? <Box style={{ flexShrink: 0 }}>{action}</Box> : null}
      </Group>
      {children}
    </Card>
  );
}

/** A wide table that scrolls sideways on a narrow screen: the scrolling region is named and reachable by keyboard. */
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    // Focusable so that a keyboard can scroll it (WCAG 2.1.1), named so that a screen reader says what it holds.
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}

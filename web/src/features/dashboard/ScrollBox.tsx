/** A wide table's horizontal scroll, reachable by keyboard (a named region that takes focus) for the screens of the needs workspace. */
import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    // Focusable: a scrolled region must be reachable by keyboard (WCAG 2.1.1).
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </Box>
  );
}

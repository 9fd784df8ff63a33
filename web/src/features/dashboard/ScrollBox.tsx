/**
 * A wide table's scroll, reachable by keyboard (a named region that takes focus) for the screens
 * of the needs workspace. With `maxHeight` a long table also scrolls within its own height, so a
 * region of a hundred units does not make the page a hundred rows long.
 */
import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

export function ScrollBox({ label, maxHeight, children }: { label: string; maxHeight?: string; children: ReactNode }) {
  return (
    // Focusable: a scrolled region must be reachable by keyboard (WCAG 2.1.1).
    <Box
      role="region"
      aria-label={label}
      tabIndex={0}
      style={{ overflowX: 'auto', ...(maxHeight ? { maxHeight, overflowY: 'auto' } : {}) }}
    >
      {children}
    </Box>
  );
}

/** A screen's check in the journeys: kept as a screenshot, and no serious or critical axe violation. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot, seriousViolations, type Viewport } from './harness';

export async function checked(page: Page, name: string, viewport: Viewport): Promise<void> {
  await screenshot(page, name, viewport);
  expect(await seriousViolations(page)).toEqual([]);
}

/**
 * The console's API types (web/src/lib/api/generated/schema.ts) are what openapi-typescript makes
 * of the Worker's OpenAPI document now: a route or schema changed without `npm run web:api` fails
 * here, before the console and the API drift apart.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiTypesFile, apiTypesSource } from '../../scripts/generate-api-types';

describe('the console API types', () => {
  it('match the OpenAPI document (run `npm run web:api` after changing a route)', { timeout: 60_000 }, async () => {
    const committed = await readFile(apiTypesFile, 'utf8');
    expect(committed === (await apiTypesSource()), 'web/src/lib/api/generated/schema.ts is stale: run `npm run web:api`').toBe(true);
  });
});

/**
 * The API's types, generated from the Worker's OpenAPI document by `npm run api:types` into
 * types/openapi.d.ts (shared with the test client; a node test fails when it is stale). The
 * console reaches them only through this file.
 */
export type { components, paths } from '../../../../types/openapi';

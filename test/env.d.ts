import type { D1Migration } from 'cloudflare:test';
import type { Bindings } from '../src/env';

declare global {
  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof import('../src/index');
    }
    interface Env extends Bindings {
      DB_DEDICATED: D1Database;
      JWT_ISSUER: string;
      AUTH_ISSUER: string;
      AUTH_SIGNING_KEYS: string;
      TEST_MIGRATIONS: D1Migration[];
      TEST_SIGNING_JWK: string;
      /** The fuzz suite's seed (a number, or `random`); fixed when absent. */
      FUZZ_SEED?: string;
    }
  }
}

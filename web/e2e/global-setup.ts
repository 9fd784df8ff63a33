/**
 * Builds the console once for every journey file (as `npm start` builds it); each file's stack
 * (harness.ts) then serves that build from its own Worker and database.
 */
import { buildConsole } from '../../scripts/build-console';

export default async function setup(): Promise<void> {
  console.log(`e2e: console built in ${await buildConsole('development')} s`);
}

/**
 * Once for every journey file: builds the console (as `npm start` builds it) and makes the demo
 * database (harness.ts, makeDemoTemplate); each file's stack then serves that build from its own
 * Worker over its own copy of that database.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConsole } from '../../scripts/build-console';
import { demoTemplateVariable, makeDemoTemplate } from './harness';

export default async function setup(): Promise<() => Promise<void>> {
  console.log(`e2e: console built in ${await buildConsole('development')} s`);
  const started = Date.now();
  const template = await mkdtemp(join(tmpdir(), 'bangkom-e2e-demo-'));
  await makeDemoTemplate(template);
  // The test files' processes start after this and take the variable with them.
  process.env[demoTemplateVariable] = template;
  console.log(`e2e: demo database made in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return async () => {
    await rm(template, { recursive: true, force: true });
  };
}

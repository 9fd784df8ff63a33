/**
 * `npm run onboard -- tenants/<slug>.json`: checks a manifest against the API's own schema, then
 * onboards it through the API. Invalid manifests never reach the server.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { manifestSchema } from '../src/modules/tenants/manifest';
import { mintToken } from './lib/dev-keys';
import { ApiError, describeOnboarding, onboardManifest } from './lib/onboarding';

const usage = 'usage: npm run onboard -- tenants/<slug>.json [--url http://127.0.0.1:8787] [--token <jwt>]';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const parse = () =>
    parseArgs({
      allowPositionals: true,
      options: {
        url: { type: 'string', default: 'http://127.0.0.1:8787' },
        token: { type: 'string' },
      },
    });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (err) {
    fail(`error: ${(err as Error).message}\n${usage}`, 2);
  }
  const { values, positionals } = parsed;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) fail(`error: give exactly one manifest file\n${usage}`, 2);

  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    fail(`${file}: ${(err as Error).message}`, 1);
  }
  const checked = manifestSchema.safeParse(input);
  if (!checked.success) {
    const issues = checked.error.issues.map((i) => `  ${i.path.join('.') || '(top level)'}: ${i.message}`);
    fail(`${file} is not a valid manifest:\n${issues.join('\n')}`, 1);
  }

  const token = values.token ?? process.env.BANGKOM_TOKEN ?? (await mintToken({ role: 'national_admin', ttl: '10m' }));
  try {
    const result = await onboardManifest(values.url, token, checked.data);
    process.stdout.write(`${describeOnboarding(result)}\n`);
  } catch (err) {
    fail(err instanceof ApiError ? err.describe() : `error: ${(err as Error).message}`, 1);
  }
}

await main();

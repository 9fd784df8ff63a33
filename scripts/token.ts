/**
 * `npm run token`: prints a dev token the local server accepts, and nothing else on stdout, so
 * `TOKEN=$(npm run -s token -- …)` works.
 */
import { parseArgs } from 'node:util';
import { type Role, roles } from '../src/platform/auth/principal';
import { mintToken } from './lib/dev-keys';

const usage =
  'usage: npm run token -- --role <national_admin|tenant_admin|employee> [--tenant <slug>] [--employee <id>] [--scope read] [--ttl 8h]\n' +
  '       --role national_admin takes no --tenant; the other roles need one, and employee needs --employee';

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n${usage}\n`);
  process.exit(2);
}

const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

async function main(): Promise<void> {
  const parse = () =>
    parseArgs({
      options: {
        role: { type: 'string' },
        tenant: { type: 'string' },
        employee: { type: 'string' },
        scope: { type: 'string' },
        ttl: { type: 'string', default: '8h' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  let values: ReturnType<typeof parse>;
  try {
    values = parse();
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (!values.role) fail('--role is required');
  if (!isRole(values.role)) fail(`unknown role "${values.role}"`);
  try {
    const token = await mintToken({
      role: values.role,
      tenant: values.tenant,
      employeeId: values.employee,
      scope: values.scope,
      ttl: values.ttl,
    });
    process.stdout.write(`${token}\n`);
  } catch (err) {
    fail((err as Error).message);
  }
}

await main();

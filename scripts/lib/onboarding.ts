/**
 * Onboarding through the API, shared by `npm run onboard` and `npm start`. It only speaks HTTP to
 * a running server; it never writes to a database itself, so a manifest goes through exactly the
 * checks a real onboarding does.
 */
import type { z } from '@hono/zod-openapi';
import type { ManifestInput } from '../../src/modules/tenants/manifest';
import type { onboardingSchema } from '../../src/modules/tenants/schemas';

/** The API's answer, plus whether it was a 201 (the tenant is new) or a 200. */
export type Onboarding = z.infer<typeof onboardingSchema> & { created: boolean };

/** A refusal from the API, carrying its problem+json so the caller can show the detail. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { title?: string; detail?: string; errors?: { path: string; message: string }[] },
  ) {
    super(`${status} ${problem.title ?? 'error'}: ${problem.detail ?? ''}`.trim());
    this.name = 'ApiError';
  }

  /** The detail and every field error, one per line. */
  describe(): string {
    const fields = (this.problem.errors ?? []).map((e) => `  ${e.path}: ${e.message}`);
    return [this.message, ...fields].join('\n');
  }
}

export async function onboardManifest(url: string, token: string, manifest: ManifestInput): Promise<Onboarding> {
  const endpoint = new URL('/api/v1/tenants', url);
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(manifest),
    });
  } catch (err) {
    const { cause } = err as Error;
    const reason = cause instanceof Error ? cause.message : (err as Error).message;
    throw new Error(`cannot reach ${endpoint.origin} (${reason}); is \`npm start\` running?`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = { detail: text.slice(0, 500) };
  }
  if (!response.ok) throw new ApiError(response.status, body as ApiError['problem']);
  return { ...(body as Omit<Onboarding, 'created'>), created: response.status === 201 };
}

const tally = (t: Onboarding['units']) => `${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged`;

/** One line: what onboarding did to the tenant. */
export function describeOnboarding(result: Onboarding): string {
  const { slug, version } = result.tenant;
  if (!result.changed) return `${slug}: unchanged (manifest already applied, version ${version})`;
  return `${slug}: ${result.created ? 'created' : 'updated'} (version ${version}); units ${tally(result.units)}; positions ${tally(result.positions)}; competencies ${tally(result.competencies)}; standards ${tally(result.standards)}`;
}

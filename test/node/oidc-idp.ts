/**
 * A real OpenID Connect provider for the single sign-on tests: `oidc-provider` (the certified
 * Node implementation), started in Node by the workers project's `globalSetup` on 127.0.0.1 and a
 * free port. The tests, in workerd, reach it with plain `fetch` (Miniflare's outbound network
 * allows loopback); its issuer URL and its signing key are handed to them with `provide`/`inject`.
 *
 * What is test-specific is only how a person "logs in" at it: no HTML pages (devInteractions off),
 * but an interaction endpoint the test posts to — `POST /interaction/{uid}/login` with `login` (the
 * subject) and `claims` (JSON: the person's claims, kept in the IdP's directory) — and consent
 * granted for the first-party clients (`loadExistingGrant`, oidc-provider's documented way to skip
 * the consent prompt). Everything else — discovery, the authorization endpoint, PKCE (required,
 * S256), client authentication, the token endpoint, ID token signing (RS256) and the JWKS — is the
 * library's own.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import { Provider } from 'oidc-provider';
import type { TestProject } from 'vitest/node';
import { ssoOrigin, ssoRegions } from '../support/oidc-clients';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test IdP's issuer URL (http://127.0.0.1:<port>). */
    oidcIssuer: string;
    /** The test IdP's private signing key (JWK), for the ID token forgery checks. */
    oidcSigningJwk: string;
  }
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 64 * 1024) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

export default async function startIdp(project: TestProject): Promise<() => Promise<void>> {
  /** The IdP's people: subject → claims, as the tests log them in. */
  const directory = new Map<string, Record<string, unknown>>();
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingJwk = { ...(await exportJWK(privateKey)), kid: 'idp-test-key', alg: 'RS256', use: 'sig' };

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: ssoRegions.map((r) => ({
      client_id: r.clientId,
      client_secret: r.clientSecret,
      redirect_uris: [`${ssoOrigin}/api/v1/auth/oidc/${r.slug}/callback`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [signingJwk] },
    cookies: { keys: ['idp-test-cookie-key'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'nip'] },
    // The claims the scopes grant go into the ID token too (as most IdPs do), not only to /userinfo.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => {
      const claims = directory.get(sub);
      return claims ? { accountId: sub, claims: () => ({ sub, ...claims }) } : undefined;
    },
    // First-party clients: consent is given (a grant of the requested OIDC scopes) without a prompt.
    loadExistingGrant: async (ctx) => {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(oidc.client?.clientId ?? '');
      if (grantId) return oidc.provider.Grant.find(grantId);
      if (!oidc.session?.accountId || !oidc.client) return undefined;
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();

  server.on('request', async (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    const login = /^\/interaction\/[^/]+\/login$/.test(path) && req.method === 'POST';
    if (!login && !/^\/interaction\/[^/]+$/.test(path)) {
      callback(req, res);
      return;
    }
    try {
      const details = await provider.interactionDetails(req, res);
      if (!login) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ uid: details.uid, prompt: details.prompt.name }));
        return;
      }
      const form = new URLSearchParams(await readBody(req));
      const sub = form.get('login');
      if (!sub) throw new Error('login is required');
      directory.set(sub, JSON.parse(form.get('claims') ?? '{}') as Record<string, unknown>);
      await provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
    } catch (err) {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/plain');
      res.end(`interaction failed: ${(err as Error).message}`);
    }
  });

  project.provide('oidcIssuer', issuer);
  project.provide('oidcSigningJwk', JSON.stringify(signingJwk));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

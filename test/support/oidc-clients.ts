/**
 * The regions the single sign-on tests sign in to, and their clients at the test IdP
 * (test/node/oidc-idp.ts). Shared by the IdP (Node), vitest.config.ts (the client secrets become
 * the Worker secret `OIDC_CLIENT_SECRETS`) and the tests (workerd): no imports, plain data.
 * Test-only values, never used anywhere else.
 */
export const ssoOrigin = 'https://bangkom.test';

export const ssoRegions = [
  { slug: 'sso-pesisir', clientId: 'bangkom-pesisir', clientSecret: 'rahasia-uji-pesisir-0001' },
  { slug: 'sso-gunung', clientId: 'bangkom-gunung', clientSecret: 'rahasia-uji-gunung-0002' },
] as const;

export const ssoClientSecrets = () => JSON.stringify(Object.fromEntries(ssoRegions.map((r) => [r.slug, r.clientSecret])));

/**
 * The regions the SIASN sync tests send from, and their accounts at the test double of SIASN
 * (test/node/siasn-fake.ts). Shared by the double (Node), vitest.config.ts (the accounts become
 * the Worker secret `SIASN_CREDENTIALS`) and the tests (workerd): no imports, plain data.
 * Test-only values, never used anywhere else.
 */
export const siasnOrigin = 'https://siasn.test';
export const siasnUrls = {
  SIASN_API_URL: `${siasnOrigin}/apisiasn/1.0`,
  SIASN_SSO_TOKEN_URL: `${siasnOrigin}/auth/realms/public-siasn/protocol/openid-connect/token`,
  SIASN_APIM_TOKEN_URL: `${siasnOrigin}/oauth2/token`,
};

/** SIASN person ids the double knows; any other is refused as SIASN refuses an unknown PNS. */
export const knownPns = ['8ae4828c7a1b0f6e017a1b2c3d4e0001', '8ae4828c7a1b0f6e017a1b2c3d4e0002', '8ae4828c7a1b0f6e017a1b2c3d4e0003'];
/** A person whose riwayat the double saves and then answers 504 for, as a gateway that timed out after the save. */
export const lostAnswerPns = '8ae4828c7a1b0f6e017a1b2c3d4e0009';

const region = (n: number) => ({
  slug: `siasn-uji-${n}`,
  instansiId: `A5EB03E23CF0F6A0E040640A0${String(n).padStart(5, '0')}`,
  clientId: `bangkomws-${n}`,
  username: `1980010120100110${String(n).padStart(2, '0')}`,
  password: `sandi-uji-${n}`,
  consumerKey: `ck-uji-${n}`,
  consumerSecret: `cs-uji-${n}`,
});

/** One region per test that sends (each test its own tenant and account). */
export const siasnRegions = [1, 2, 3, 4, 5, 6, 7, 8].map(region);

export const siasnCredentials = () => JSON.stringify(Object.fromEntries(siasnRegions.map(({ slug, ...account }) => [slug, account])));

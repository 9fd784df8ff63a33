/**
 * PROVISIONAL — the sign-in API (SPEC section 10) is not in the OpenAPI document yet. These are its
 * documented requests and answers written in the generated types' shape, so the console's auth
 * layer is typed the same way as every other call. When the sign-in routes land, run
 * `npm run api:types`, delete this file and the `& AuthPaths` in ./client.ts, and fix what the
 * compiler reports.
 */

/** The body of a successful sign-in, refresh or TOTP step: the access token lives only in memory. */
export interface AccessGrant {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires (≤ 900). */
  expiresIn: number;
}

type Json<T> = { content: { 'application/json': T } };
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type Operation<Body, Answer> = {
  parameters: NoParams;
  requestBody: Body extends undefined ? never : Json<Body>;
  responses: { 200: Json<Answer> & { headers: Record<string, unknown> } };
};
type Post<Body, Answer> = { parameters: NoParams; get?: never; put?: never; post: Operation<Body, Answer>; delete?: never };

/**
 * Only the TOTP step is still provisional: login, refresh, logout, activate and password are in the
 * OpenAPI document now (docs/auth.md). The server asks for the second factor by answering the
 * login 401 ("A second factor is needed…") and takes it as `totp` in a repeated login; this
 * challenge step does not exist there (yet).
 */
export type AuthPaths = {
  '/api/v1/auth/totp': Post<{ challenge: string; code: string }, AccessGrant>;
};

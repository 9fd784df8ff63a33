/**
 * The session's renewal, sent as the page starts: inlined at the top of index.html (web/vite.config.ts,
 * which also allows it in the CSP by its hash), so that the refresh cookie's answer is on its way
 * while the browser still fetches the console's code. The client (lib/api/client.ts) takes the answer over
 * instead of asking again. A refresh token works once, so exactly one of the two sends it: the
 * client marks the renewal as taken (`null`), and a script that runs only after that sends
 * nothing. Imports nothing and nothing imports it: it is inlined alone.
 */

declare global {
  interface Window {
    /** The early renewal's answer while it waits for the client; `null` once the client has taken it. */
    bangkomRenewal?: Promise<Response> | null;
  }
}

if (window.bangkomRenewal === undefined) {
  window.bangkomRenewal = fetch('/api/v1/auth/refresh', { method: 'POST', credentials: 'same-origin' });
}

export {};

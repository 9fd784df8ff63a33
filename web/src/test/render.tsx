/**
 * Rendering a screen for a component test: the real providers, a memory router at a given path,
 * a query cache seeded with what the server would answer, and a stand-in for the server that
 * records each request and answers from a table (`serve`). No test touches the network.
 */
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { Providers } from '../app/Providers';
import type { Language } from '../i18n';

export interface Recorded {
  method: string;
  path: string;
  body: unknown;
  headers: Headers;
}

type Answer = { status: number; body?: unknown };

/** Answers requests from `routes` ("POST /api/v1/…" → answer, or a function of the request); 404 otherwise. */
export function serve(routes: Record<string, Answer | ((r: Recorded) => Answer)>): Recorded[] {
  const recorded: Recorded[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const text = await request.text();
    const entry: Recorded = {
      method: request.method,
      path: url.pathname + url.search,
      body: text ? JSON.parse(text) : undefined,
      headers: request.headers,
    };
    recorded.push(entry);
    const found = routes[`${entry.method} ${url.pathname}`] ?? routes[`${entry.method} ${entry.path}`];
    const answer =
      typeof found === 'function'
        ? found(entry)
        : (found ?? {
            status: 404,
            body: { type: 'urn:bangkom:problem:not-found', title: 'Not found', status: 404, detail: 'No such route.' },
          });
    const isProblem = answer.status >= 400;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': isProblem ? 'application/problem+json' : 'application/json' },
    });
  });
  return recorded;
}

export function renderAt(
  element: ReactElement,
  options: { path?: string; route?: string; seed?: [readonly unknown[], unknown][]; language?: Language } = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY }, mutations: { retry: false } },
  });
  for (const [key, data] of options.seed ?? []) queryClient.setQueryData(key, data);
  const router = createMemoryRouter(
    [
      { path: options.route ?? '/', element },
      { path: '/masuk', element: <p>sign-in screen</p> },
      { path: '*', element: <p>elsewhere</p> },
    ],
    { initialEntries: [options.path ?? '/'] },
  );
  const result = render(
    <Providers queryClient={queryClient} language={options.language ?? 'id'}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...result, queryClient, router };
}

/** The query cache: server state lives here and nowhere else. (From the core: the entry makes it before React has arrived.) */
import { QueryClient } from '@tanstack/query-core';
import { ApiProblem } from './problem';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A problem answer (4xx) will not change by asking again; a network failure may.
        retry: (count, error) => count < 2 && !(error instanceof ApiProblem && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}

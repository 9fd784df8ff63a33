/** The query cache: server state lives here and nowhere else. */
import { QueryClient } from '@tanstack/react-query';
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

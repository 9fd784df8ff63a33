/** The app itself: styles, the router, the providers, rendered into #root. */
import '@mantine/core/styles.css';
import type { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Providers } from './Providers';
import { routes } from './router';

export function start(queryClient: QueryClient): void {
  performance.mark('bangkom:render');
  const router = createBrowserRouter(routes);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <Providers queryClient={queryClient}>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
}

/** The console's entry: styles, the session found on load, then the router. */
import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { bootSession } from '../features/auth/boot';
import { createQueryClient } from '../lib/api/query-client';
import { Providers } from './Providers';
import { routes } from './router';

bootSession();
const router = createBrowserRouter(routes);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <Providers queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);

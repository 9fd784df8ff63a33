/**
 * The pages. Public: /masuk (sign in), /aktivasi. Behind sign-in, inside the layout: Beranda (/),
 * Tugas saya (/tugas), Pendampingan (/pendampingan, /pendampingan/:id), Akun (/akun), and the
 * admins' homes. Unknown paths show "not found" inside the layout. Only sign-in and Beranda are in
 * the first bundle; every other page loads when first visited.
 */
import { Navigate, type RouteObject } from 'react-router';
import { RequireSession } from '../features/auth/RequireSession';
import { SignInPage } from '../features/auth/SignInPage';
import { BerandaPage } from '../features/beranda/BerandaPage';
import { useMe } from '../lib/api/caller';
import { Layout } from './Layout';
import { homeFor } from './navigation';

function Home() {
  const me = useMe();
  if (!me.data) return null;
  const home = homeFor(me.data);
  return home === '/' ? <BerandaPage /> : <Navigate to={home} replace />;
}

export const routes: RouteObject[] = [
  { path: '/masuk', element: <SignInPage /> },
  {
    path: '/masuk/dua-faktor',
    lazy: async () => ({ Component: (await import('../features/auth/TwoFactorSetupPage')).TwoFactorSetupPage }),
  },
  {
    path: '/masuk/kode',
    lazy: async () => ({ Component: (await import('../features/auth/SecondFactorCheckPage')).SecondFactorCheckPage }),
  },
  { path: '/aktivasi', lazy: async () => ({ Component: (await import('../features/auth/ActivatePage')).ActivatePage }) },
  {
    element: (
      <RequireSession>
        <Layout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Home /> },
      { path: 'tugas', lazy: async () => ({ Component: (await import('../features/tasks/TasksPage')).TasksPage }) },
      { path: 'pendampingan', lazy: async () => ({ Component: (await import('../features/pairings/PairingsPage')).PairingsPage }) },
      { path: 'pendampingan/:id', lazy: async () => ({ Component: (await import('../features/pairings/PairingPage')).PairingPage }) },
      { path: 'akun', lazy: async () => ({ Component: (await import('../features/auth/AccountPage')).AccountPage }) },
      { path: 'admin', lazy: async () => ({ Component: (await import('../features/admin/AdminHomePage')).AdminHomePage }) },
      { path: 'admin/pegawai', lazy: async () => ({ Component: (await import('../features/employees/EmployeesPage')).EmployeesPage }) },
      {
        path: 'admin/pegawai/baru',
        lazy: async () => ({ Component: (await import('../features/employees/EmployeeFormPage')).EmployeeNewPage }),
      },
      { path: 'admin/pegawai/:id', lazy: async () => ({ Component: (await import('../features/employees/EmployeePage')).EmployeePage }) },
      {
        path: 'admin/pegawai/:id/ubah',
        lazy: async () => ({ Component: (await import('../features/employees/EmployeeFormPage')).EmployeeEditPage }),
      },
      { path: 'admin/impor', lazy: async () => ({ Component: (await import('../features/imports/ImportPage')).ImportPage }) },
      { path: 'nasional', lazy: async () => ({ Component: (await import('../features/admin/AdminHomePage')).NationalHomePage }) },
      { path: '*', lazy: async () => ({ Component: (await import('./NotFoundPage')).NotFoundPage }) },
    ],
  },
];

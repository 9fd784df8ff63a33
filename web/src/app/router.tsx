/**
 * The pages. Public: /masuk (sign in), /aktivasi, the citizens' survey (/survei/:region/:unit, its
 * thank-you page and the unit's results /survei/:region/:unit/hasil). Behind sign-in, inside the
 * layout: Beranda (/), Tugas saya (/tugas), Pendampingan (/pendampingan, /pendampingan/:id), a
 * learning report (/laporan/:id), Notifikasi (/notifikasi), Akun (/akun), the tenant admin's dashboard (/admin), employees,
 * the verification queue of learning reports (/admin/verifikasi), import, organisation, assessments,
 * needs report and survey screens (/admin/pegawai…, /admin/impor, /admin/organisasi, /admin/asesmen,
 * /admin/kebutuhan, /admin/survei), the catalog and an offering's queue (/admin/katalog,
 * /admin/katalog/pelaksanaan/:id), the annual plan (/admin/rencana), mentoring (/admin/pendampingan),
 * the notifications' deliveries (/admin/notifikasi), JP, accounts, audit log and settings (/admin/jp, /admin/akun,
 * /admin/audit, /admin/pengaturan), and the
 * national console (/nasional…: summary, a region's figures, regions, onboarding, dictionary,
 * catalog, audit). Unknown paths show "not found" inside the layout. Only Beranda is in the first
 * bundle (a returning person's load goes straight there); every other page, sign-in included,
 * loads when first visited.
 */
import { Navigate, Outlet, type RouteObject } from 'react-router';
import { RequireSession } from '../features/auth/RequireSession';
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
  { path: '/masuk', lazy: async () => ({ Component: (await import('../features/auth/SignInPage')).SignInPage }) },
  {
    path: '/masuk/dua-faktor',
    lazy: async () => ({ Component: (await import('../features/auth/TwoFactorSetupPage')).TwoFactorSetupPage }),
  },
  {
    path: '/masuk/kode',
    lazy: async () => ({ Component: (await import('../features/auth/SecondFactorCheckPage')).SecondFactorCheckPage }),
  },
  // The public satisfaction survey and a unit's results: citizens, no sign-in.
  { path: '/survei/:region/:unit', lazy: async () => ({ Component: (await import('../features/survey/SurveyPage')).SurveyPage }) },
  {
    path: '/survei/:region/:unit/terima-kasih',
    lazy: async () => ({ Component: (await import('../features/survey/SurveyPage')).SurveyThanksPage }),
  },
  { path: '/survei/:region/:unit/hasil', lazy: async () => ({ Component: (await import('../features/survey/ResultsPage')).ResultsPage }) },
  { path: '/aktivasi', lazy: async () => ({ Component: (await import('../features/auth/ActivatePage')).ActivatePage }) },
  // A unit's survey poster: printed on its own, without the console around it.
  {
    element: (
      <RequireSession>
        <Outlet />
      </RequireSession>
    ),
    children: [
      { path: '/admin/survei/poster/:unit', lazy: async () => ({ Component: (await import('../features/survey/PosterPage')).PosterPage }) },
    ],
  },
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
      {
        path: 'laporan/:id',
        lazy: async () => ({ Component: (await import('../features/learning/LearningReportPage')).LearningReportPage }),
      },
      {
        path: 'notifikasi',
        lazy: async () => ({ Component: (await import('../features/notifications/NotificationsPage')).NotificationsPage }),
      },
      { path: 'akun', lazy: async () => ({ Component: (await import('../features/auth/AccountPage')).AccountPage }) },
      { path: 'admin', lazy: async () => ({ Component: (await import('../features/dashboard/DashboardPage')).DashboardPage }) },
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
      {
        path: 'admin/verifikasi',
        lazy: async () => ({ Component: (await import('../features/verification/VerificationPage')).VerificationPage }),
      },
      { path: 'admin/impor', lazy: async () => ({ Component: (await import('../features/imports/ImportPage')).ImportPage }) },
      {
        path: 'admin/organisasi',
        lazy: async () => ({ Component: (await import('../features/organisation/OrganisationPage')).OrganisationPage }),
      },
      {
        path: 'admin/asesmen',
        lazy: async () => ({ Component: (await import('../features/assessments/AssessmentsPage')).AssessmentsPage }),
      },
      { path: 'admin/kebutuhan', lazy: async () => ({ Component: (await import('../features/needs/NeedsPage')).NeedsPage }) },
      { path: 'admin/katalog', lazy: async () => ({ Component: (await import('../features/catalog/CatalogPage')).CatalogPage }) },
      {
        path: 'admin/katalog/pelaksanaan/:id',
        lazy: async () => ({ Component: (await import('../features/catalog/OfferingPage')).OfferingPage }),
      },
      { path: 'admin/survei', lazy: async () => ({ Component: (await import('../features/survey/SurveyAdminPage')).SurveyAdminPage }) },
      {
        path: 'admin/evaluasi',
        lazy: async () => ({ Component: (await import('../features/evaluations/EvaluationsPage')).EvaluationsPage }),
      },
      { path: 'admin/rencana', lazy: async () => ({ Component: (await import('../features/plans/PlansPage')).PlansPage }) },
      {
        path: 'admin/rekomendasi',
        lazy: async () => ({ Component: (await import('../features/recommendations/RecommendationsPage')).RecommendationsPage }),
      },
      {
        path: 'admin/pendampingan',
        lazy: async () => ({ Component: (await import('../features/mentoring-admin/MentoringAdminPage')).MentoringAdminPage }),
      },
      { path: 'admin/jp', lazy: async () => ({ Component: (await import('../features/jp/JpPage')).JpPage }) },
      { path: 'admin/akun', lazy: async () => ({ Component: (await import('../features/accounts/AccountsPage')).AccountsPage }) },
      {
        path: 'admin/notifikasi',
        lazy: async () => ({ Component: (await import('../features/notifications/DeliveriesPage')).DeliveriesPage }),
      },
      { path: 'admin/audit', lazy: async () => ({ Component: (await import('../features/audit/AuditLogPage')).AuditLogPage }) },
      { path: 'admin/pengaturan', lazy: async () => ({ Component: (await import('../features/settings/SettingsPage')).SettingsPage }) },
      {
        path: 'nasional',
        lazy: async () => ({ Component: (await import('../features/national/NationalSummaryPage')).NationalSummaryPage }),
      },
      { path: 'nasional/wilayah', lazy: async () => ({ Component: (await import('../features/national/RegionsPage')).RegionsPage }) },
      {
        path: 'nasional/onboarding',
        lazy: async () => ({ Component: (await import('../features/national/OnboardingPage')).OnboardingPage }),
      },
      { path: 'nasional/kamus', lazy: async () => ({ Component: (await import('../features/national/DictionaryPage')).DictionaryPage }) },
      { path: 'nasional/katalog', lazy: async () => ({ Component: (await import('../features/national/CatalogPage')).CatalogPage }) },
      { path: 'nasional/audit', lazy: async () => ({ Component: (await import('../features/national/AuditPage')).AuditPage }) },
      {
        path: 'nasional/wilayah/:tenant',
        lazy: async () => ({ Component: (await import('../features/national/TenantSummaryPage')).TenantSummaryPage }),
      },
      { path: '*', lazy: async () => ({ Component: (await import('./NotFoundPage')).NotFoundPage }) },
    ],
  },
];

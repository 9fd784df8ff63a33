/**
 * Demo data loaders that `npm start` runs once per demo tenant, after onboarding. Each module with
 * demo data pushes a loader here; a loader goes through the API only (so the data passes the same
 * rules as a user's) and must be safe to run again on every start.
 */
import { assessmentsLoader } from './assessments';
import { catalogLoader } from './catalog';
import { certificatesLoader } from './certificates';
import { employeesLoader } from './employees';
import { evaluationLevelsLoader } from './evaluation-levels';
import { evaluationsLoader } from './evaluations';
import { learningLoader } from './learning';
import { mentoringLoader } from './mentoring';
import { plansLoader } from './plans';
import { summariesLoader } from './summaries';

export interface DemoContext {
  url: string;
  slug: string;
  adminToken: string;
  nationalToken: string;
}

export interface DemoLoader {
  name: string;
  /** Loads this tenant's demo data; answers one line saying what it did. */
  load(ctx: DemoContext): Promise<string>;
}

/** In order: the summary loader reads what the others wrote, so it stays last. */
export const demoLoaders: DemoLoader[] = [
  employeesLoader,
  assessmentsLoader,
  evaluationsLoader,
  mentoringLoader,
  catalogLoader,
  certificatesLoader,
  evaluationLevelsLoader,
  learningLoader,
  plansLoader,
  summariesLoader,
];

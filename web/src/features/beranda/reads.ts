/**
 * Beranda's reads without React: the cache keys, the queries and their start at a page load, which
 * the console's entry runs before the app has arrived (queries.ts has the hooks and the writes).
 */
import type { QueryClient } from '@tanstack/query-core';
import { api } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

export type GapItem = components['schemas']['EmployeeGaps']['items'][number];
export type Recommendation = components['schemas']['Recommendation'];
export type Enrollment = components['schemas']['PersonEnrollment'];

export const berandaKeys = {
  gaps: ['me', 'gaps'] as const,
  jp: (year: number) => ['me', 'jp', year] as const,
  recommendations: ['me', 'recommendations'] as const,
  enrollments: ['me', 'enrollments'] as const,
};

export const gapsQuery = { queryKey: berandaKeys.gaps, queryFn: () => unwrap(api.GET('/api/v1/me/gaps')) };
export const jpQuery = (year: number) => ({
  queryKey: berandaKeys.jp(year),
  queryFn: () => unwrap(api.GET('/api/v1/me/jp', { params: { query: { year } } })),
});
export const recommendationsQuery = {
  queryKey: berandaKeys.recommendations,
  queryFn: () => unwrap(api.GET('/api/v1/me/recommendations', { params: { query: { limit: 5 } } })),
};
export const enrollmentsQuery = {
  queryKey: berandaKeys.enrollments,
  queryFn: () => unwrap(api.GET('/api/v1/me/enrollments', { params: { query: { limit: 20 } } })),
};

/**
 * Beranda's reads started as soon as a page load has its session, before the screen renders (on a
 * slow phone rendering takes seconds): the gaps, JP of `year`, recommendations, and the places (each
 * with its program and dates). The screen's hooks then find them in the cache, or on their way.
 * Answers when they have settled.
 */
export async function prefetchBeranda(queryClient: QueryClient, year: number): Promise<void> {
  await Promise.all([
    queryClient.prefetchQuery(gapsQuery),
    queryClient.prefetchQuery(jpQuery(year)),
    queryClient.prefetchQuery(recommendationsQuery),
    queryClient.prefetchQuery(enrollmentsQuery),
  ]);
}

/**
 * Certificates (STTPP / e-sertifikat) of passed completions (docs/certificates.md): for app.ts the
 * tenant routes, the public verification routes and page; for src/jobs.ts the batch job; for the
 * person's history, `certificatesOfEmployee` (id, number, enrollment and offering, date of issue,
 * status of each of one employee's certificates, oldest first).
 */
export { certificateIssueJob } from './job';
export { verificationPageRoute, verificationRoutes } from './public-routes';
export { certificateRoutes } from './routes';
export { certificatesOfEmployee } from './view';

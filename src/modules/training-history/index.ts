/**
 * Training history imported from the regions' spreadsheets (docs/training-history.md): for app.ts
 * the import route, for src/jobs.ts its job, for the person's history `trainingHistoryOfEmployee`
 * (each imported training with its JP and the JP ledger reference it was credited under).
 */
export { trainingHistoryOfEmployee } from './history';
export { trainingImportJob } from './job';
export { trainingHistoryRoutes } from './routes';

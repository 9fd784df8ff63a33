/**
 * The JP ledger's front door: its routes for the app, and for other modules the statement
 * builders that credit JP inside their own batch (`creditJp`, `jpCredit`), the hundredths
 * conversion and the JP amount schema they validate with, and the yearly targets per employment
 * type (`jpTargetsOf`, `defaultJpTargets`; `jpTargetCenti` for statements that compare per person).
 */
export { creditJp, toCenti } from './ledger';
/** For the caller's personal data export (`GET /me/export`): their JP credits. */
export { personalJp } from './personal-data';
export { jpRoutes } from './routes';
export { jpAmount } from './schemas';
export { defaultJpTargets, type JpTargets, jpTargetCenti, jpTargetsOf } from './targets';

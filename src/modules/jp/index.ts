/**
 * The JP ledger's front door: its routes for the app, and for other modules the statement
 * builders that credit JP inside their own batch (`creditJp`, `jpCredit`), the hundredths
 * conversion and the JP amount schema they validate with, and the yearly targets per employment
 * type (`jpTargetsOf`, `defaultJpTargets`; `jpTargetCenti` for statements that compare per person).
 * The one JP rule engine: `computeJp` (pure) and `ruleCredit` (its reads, and the statements
 * that book its outcome in the caller's batch), used by self-reports and mentoring/coaching.
 */
export { ruleCredit } from './by-rules';
export { type Activity, computeJp, type Earned, type JpRule } from './engine';
export { creditJp, toCenti } from './ledger';
/** For the caller's personal data export (`GET /me/export`): their JP credits. */
export { personalJp } from './personal-data';
export { jpRoutes } from './routes';
export { defaultJpRules, jpRulesOf, type ProgramMethod } from './rules';
export { jpAmount } from './schemas';
export { defaultJpTargets, type JpTargets, jpTargetCenti, jpTargetsOf } from './targets';

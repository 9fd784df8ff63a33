/**
 * Evaluations, the module's front door. Three sub-domains:
 * - `ikm/`: public satisfaction surveys (IKM) and the reporting periods they and the indicators use;
 * - `indicators/`: unit indicators (Kirkpatrick L4, results) and their values by period;
 * - `levels/`: Kirkpatrick L1 reaction and L2 learning, L3 behaviour and mentoring feedback, the
 *   caller's waiting evaluations, the evaluation reports and the tenant's evaluation settings.
 * Other modules and the app import from here only.
 */
export { publicSurveyRoutes } from './ikm/public-routes';
export { ikmRoutes } from './ikm/routes';
export { indicatorRoutes } from './indicators/routes';
/** When evaluations fall due (the scheduled reminders derive the same dates as `/me/evaluations`). */
export { behaviourDueDays, reactionDueDays } from './levels/due-days';
/** For the caller's personal data export (`GET /me/export`): the answers they gave and the scores about them. */
export { personalEvaluations } from './levels/personal-data';
export { evaluationLevelRoutes } from './levels/routes';
export { evaluationSettingsOf } from './levels/settings';
export { evaluationSettingsRoutes } from './levels/settings-routes';

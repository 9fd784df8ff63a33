/**
 * Units and positions: the routes for the app, and for reports in other modules what "this unit"
 * means (the unit and every unit under it).
 */
export { unitAndBelow } from './below';
export { positionRoutes, unitRoutes } from './routes';

/** National curation: the national dictionary and program catalog, kept in every database binding. */
export { curationRoutes } from './routes';

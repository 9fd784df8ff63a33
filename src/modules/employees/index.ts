/** The ASN registry: its routes, for the app (no other module reaches into it). */
export { employeeRoutes } from './routes';

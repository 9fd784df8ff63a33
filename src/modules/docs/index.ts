/** The API's documents: the reference page (Scalar, served from the Worker's assets) and the OpenAPI examples. */
export { withExamples } from './examples';
export { referencePage } from './reference';

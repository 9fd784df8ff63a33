export * from './directory';
export * from './organisation';
export * from './platform';
export * from './employees';
export * from './competencies';
export * from './jp';
export * from './summaries';

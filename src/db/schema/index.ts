export * from './directory';
export * from './organisation';
export * from './platform';

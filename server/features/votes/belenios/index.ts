// Belenios 2.0 in TypeScript: one implementation for the browser booth, the trustees' pages, the server and the CLI.
export * from './archive';
export * from './audit';
export * from './ballot';
export * from './credentials';
export * from './election';
export { GROUP_NAME, hashJson } from './group';
export * from './tally';
export * from './trustees';
export type * from './types';
export * from './verify';

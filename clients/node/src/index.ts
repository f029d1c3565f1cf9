export * from './catalog';
export * from './documents';
export * from './envelope';
export * from './errors';
export * from './helpers';
export * from './hooks';
export * from './producer';
export { SchemaValidator, DEFAULT_SCHEMAS_DIR } from './validator';
export { idOf, abstractStatusOf } from './snapshots';

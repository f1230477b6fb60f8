/** The engine's public surface: adapters import from here, never from platform code. */
export * from './calendar';
export * from './kpi';
export * from './market';
export * from './scorecard';
export * from './sla';
export * from './schema';
export * from './util';

/** Every function handler named in manifest.yml; the root src/index.ts re-exports each by name. */
export { alertsTrigger } from './actions/trigger';
export { resolverHandler } from './resolvers';
export { syncConsumer } from './sync/consumer';
export { issueEvents } from './sync/live';
export { syncTrigger } from './sync/trigger';
export { appLifecycle } from './sync/storage-upgrade';

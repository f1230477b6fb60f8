// Forge resolves handlers under src/ next to manifest.yml; the app lives in forge-app/. Named re-exports (not
// `export *`) so the bundler and `forge lint` see each handler.
export { alertsTrigger } from '../forge-app/src/index';
export { resolverHandler } from '../forge-app/src/index';
export { syncConsumer } from '../forge-app/src/index';
export { issueEvents } from '../forge-app/src/index';
export { syncTrigger } from '../forge-app/src/index';
export { appLifecycle } from '../forge-app/src/index';

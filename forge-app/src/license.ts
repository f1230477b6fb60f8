import { getAppContext } from '@forge/api';

/**
 * Licensing of a paid Marketplace listing (`app.licensing.enabled` in the manifest). Every Forge function receives
 * `(payload, context)` and `context.license` "is only present for paid apps in the production environment. license is
 * undefined for free apps, apps in DEVELOPMENT and STAGING environments"
 * (https://developer.atlassian.com/platform/forge/function-reference/arguments/); Atlassian's listing guide has paid
 * apps tested in development or staging (https://developer.atlassian.com/platform/marketplace/listing-forge-apps/).
 * The runtime's License type carries `active` (current) and `isActive` (deprecated, still sent by older runtimes).
 */
export interface ForgeLicense {
  active?: boolean | null;
  isActive?: boolean | null;
  isEvaluation?: boolean | null;
}

const UNLICENSED = { error: 'UNLICENSED' as const, message: 'This app needs an active license for this site: ask a Jira administrator to check Manage apps.' };

/** The environment this invocation runs in (DEVELOPMENT, STAGING or PRODUCTION), from the runtime, never from a caller. */
const environmentType = (): string => getAppContext().environmentType.toUpperCase();

/**
 * Whether an invocation may be served; fails closed. `active`, else `isActive`, decides when either is a boolean.
 * Without either (or without a license at all) only a development or staging install is served, where Atlassian
 * sends no license; in production a paid listing always has one, so its absence means no license.
 */
function isLicensed(license: ForgeLicense | null | undefined): boolean {
  if (typeof license?.active === 'boolean') return license.active;
  if (typeof license?.isActive === 'boolean') return license.isActive;
  return environmentType() !== 'PRODUCTION';
}

/** The license a Forge function's second argument carries. */
const licenseOf = (context: unknown): ForgeLicense | undefined =>
  (typeof context === 'object' && context !== null ? (context as { license?: ForgeLicense }).license : undefined) ?? undefined;

/** Wraps the resolver definitions: an unlicensed site answers `UNLICENSED` instead of any data, whatever the function. */
export const requireLicense =
  <E>(handler: (event: E, backend?: Record<string, unknown>) => Promise<unknown>) =>
  async (event: E, backend?: Record<string, unknown>): Promise<unknown> =>
    isLicensed(licenseOf(backend)) ? handler(event, backend) : UNLICENSED;

/**
 * Wraps a trigger or queue consumer handler: an unlicensed site reads and writes nothing (no Jira calls, no storage, no
 * issue property), the invocation just ends.
 */
export const whenLicensed =
  <P>(handler: (payload: P) => Promise<void>) =>
  async (payload: P, context?: unknown): Promise<void> => {
    if (isLicensed(licenseOf(context))) await handler(payload);
  };

/** The scheduled trigger's form: its payload carries nothing the sync reads. */
export const triggerWhenLicensed =
  (handler: () => Promise<void>) =>
  async (_payload?: unknown, context?: unknown): Promise<void> => {
    if (isLicensed(licenseOf(context))) await handler();
  };

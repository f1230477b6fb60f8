/**
 * Licensing: on a paid Marketplace listing (`app.licensing.enabled` in the manifest) the runtime passes the site's
 * license with each invocation, `{ isActive, isEvaluation, … }` (https://developer.atlassian.com/platform/forge/function-reference/arguments/).
 * It is absent for a free install and in development, where every call is served.
 */
export interface ForgeLicense {
  isActive: boolean;
  isEvaluation?: boolean | null;
}

const UNLICENSED = { error: 'UNLICENSED' as const, message: 'This app needs an active license for this site: ask a Jira administrator to check Manage apps.' };

/** Whether an invocation may be served: no license object (free or development) or an active one. */
const isLicensed = (license: ForgeLicense | null | undefined): boolean => license?.isActive !== false;

/** Wraps the resolver definitions: an inactive license answers `UNLICENSED` instead of any data, whatever the function. */
export const requireLicense =
  <E>(handler: (event: E, backend?: Record<string, unknown>) => Promise<unknown>) =>
  async (event: E, backend?: Record<string, unknown>): Promise<unknown> =>
    isLicensed(backend?.license as ForgeLicense | null | undefined) ? handler(event, backend) : UNLICENSED;

import type Resolver from '@forge/resolver';
import { customerReport, type CustomerReportQuery } from './customers';
import { InpsInputError, inpsQuestion, submitInps } from './inps';

type Guard = <T>(work: () => Promise<T>) => Promise<T | { error: 'FORBIDDEN'; message: string }>;

/** The request a portal module is shown on: the platform's context, never the caller's payload. */
const portalRequestKey = (context: { extension?: unknown }): string => {
  const key = (context.extension as { request?: { key?: string } } | undefined)?.request?.key;
  if (!key) throw new InpsInputError('request', 'this panel is shown on a customer portal request only');
  return key;
};

/** A bad answer comes back as `{ error: 'INVALID', field, message }` for the form to show next to its field. */
const checked = <T>(work: () => Promise<T>) =>
  work().catch((error: unknown) => {
    if (error instanceof InpsInputError) return { error: 'INVALID' as const, field: error.field, message: error.message };
    throw error;
  });

/** Issue 12's resolvers: the per-customer report and the portal's iNPS question. */
export function defineAdoptionResolvers(resolver: Resolver, guarded: Guard): void {
  resolver.define('getCustomerReport', ({ payload }) => guarded(() => customerReport(payload as unknown as CustomerReportQuery)));
  resolver.define('getInpsQuestion', ({ context }) => checked(() => inpsQuestion(portalRequestKey(context), context.accountId as string | undefined)));
  resolver.define('submitInps', ({ payload, context }) => checked(() => submitInps(portalRequestKey(context), context.accountId as string | undefined, payload as { score?: unknown; comment?: unknown })));
}

import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { defineSecured, MODULES } from './access';
import { customerReport } from './customers';
import { InpsInputError, inpsQuestion, submitInps } from './inps';
import { CustomerReportQuerySchema, NoPayloadSchema } from './payloads';

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

/** The portal's answer: score and comment are checked in inps.ts, which names the field at fault. */
const InpsAnswerSchema = z.object({ score: z.unknown().optional(), comment: z.unknown().optional() });

/** The per-customer report (a gadget) and the portal's iNPS question (the portal module only). */
export function defineAdoptionResolvers(resolver: Resolver): void {
  defineSecured(resolver, 'getCustomerReport', { modules: [MODULES.customerGadget], payload: CustomerReportQuerySchema }, (query) => customerReport(query));
  defineSecured(resolver, 'getInpsQuestion', { modules: [MODULES.portal], payload: NoPayloadSchema }, (_input, context) => checked(() => inpsQuestion(portalRequestKey(context), context.accountId)));
  defineSecured(resolver, 'submitInps', { modules: [MODULES.portal], payload: InpsAnswerSchema }, (answer, context) => checked(() => submitInps(portalRequestKey(context), context.accountId, answer)));
}

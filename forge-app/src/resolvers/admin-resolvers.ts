import type Resolver from '@forge/resolver';
import { checkConfig } from '../config/schema';
import { recentAudit } from '../storage/alerts';
import { runtime } from '../runtime';
import { previewCalendar } from './admin-calendar';
import { checkJql } from './admin-jql';
import { pickerOptions } from './admin-pickers';
import { tryPolicyOnIssue } from './admin-try';
import { defineSecured, MODULES } from './access';
import { AnyPayloadSchema, ConfigEnvelopeSchema, parsePayload } from './payloads';
import { requireJiraAdmin } from './permissions';

/** Audit entries the admin page lists. */
const AUDIT_SHOWN = 100;

/** The admin page's editors: pickers, calendar preview, "try on issue" and JSON import, each for Jira admins only. */
export function defineAdminResolvers(resolver: Resolver): void {
  // Each editor checks its own payload and names the argument at fault (admin-pickers.ts, admin-calendar.ts, admin-try.ts).
  const adminOnly = (name: string, work: (payload: unknown) => unknown) =>
    defineSecured(resolver, name, { modules: [MODULES.adminPage], payload: AnyPayloadSchema }, async (payload) => {
      await requireJiraAdmin();
      return work(payload);
    });
  adminOnly('adminPicker', (payload) => pickerOptions(payload));
  adminOnly('previewCalendar', (payload) => previewCalendar(payload, runtime.now()));
  adminOnly('tryPolicy', (payload) => tryPolicyOnIssue(payload));
  adminOnly('checkJql', (payload) => checkJql(payload));
  /** The audit list of warnings and breach actions fired, newest first. */
  adminOnly('getAlertAudit', async () => ({ entries: await recentAudit(AUDIT_SHOWN) }));
  /** JSON import: the same checks as saving, nothing stored; the admin reviews the imported forms, then saves. */
  adminOnly('checkConfig', (payload) => {
    const check = checkConfig(parsePayload(ConfigEnvelopeSchema, payload).config);
    return check.ok ? { ok: true as const } : { ok: false as const, errors: check.errors };
  });
}

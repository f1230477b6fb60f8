import type Resolver from '@forge/resolver';
import { checkConfig } from '../config/schema';
import { runtime } from '../runtime';
import { previewCalendar } from './admin-calendar';
import { pickerOptions } from './admin-pickers';
import { tryPolicyOnIssue } from './admin-try';
import { requireJiraAdmin } from './permissions';

type Guard = <T>(work: () => Promise<T>) => Promise<T | { error: 'FORBIDDEN'; message: string }>;

/** The admin page's editors: pickers, calendar preview, "try on issue" and JSON import, each for Jira admins only. */
export function defineAdminResolvers(resolver: Resolver, guarded: Guard): void {
  const adminOnly = (name: string, work: (payload: unknown) => unknown) =>
    resolver.define(name, ({ payload }) =>
      guarded(async () => {
        await requireJiraAdmin();
        return work(payload);
      }),
    );
  adminOnly('adminPicker', (payload) => pickerOptions(payload));
  adminOnly('previewCalendar', (payload) => previewCalendar(payload, runtime.now()));
  adminOnly('tryPolicy', (payload) => tryPolicyOnIssue(payload));
  /** JSON import: the same checks as saving, nothing stored; the admin reviews the imported forms, then saves. */
  adminOnly('checkConfig', (payload) => {
    const check = checkConfig((payload as { config?: unknown } | null)?.config);
    return check.ok ? { ok: true as const } : { ok: false as const, errors: check.errors };
  });
}

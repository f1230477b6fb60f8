/**
 * A gadget's saved configuration as every view reads it. Jira stores gadget configurations, so an old one is migrated
 * here on read: `weeks` (saved before the period picker) becomes `period: 'week'` with `periods: weeks`.
 */
export function gadgetConfigurationOf<C extends object>(context: { extension?: { gadgetConfiguration?: unknown } } | undefined): C | undefined {
  const stored = context?.extension?.gadgetConfiguration as (Record<string, unknown> & { weeks?: unknown; periods?: unknown }) | undefined;
  if (!stored || !('weeks' in stored)) return stored as C | undefined;
  const { weeks, ...rest } = stored;
  return (rest.periods === undefined && weeks !== undefined ? { ...rest, period: 'week', periods: weeks } : rest) as C;
}

import type { z } from 'zod';
import type { KpiDefinitionSchema, ScorecardRow, TreeResult } from '../../core/scorecard';

export type KpiInput = z.input<typeof KpiDefinitionSchema>;

/** A KPI definition with the fields a test does not look at filled in. */
export const kpi = (fields: Partial<KpiInput> & Pick<KpiInput, 'id' | 'direction' | 'target'>): KpiInput => ({
  name: fields.id,
  perspective: 'internal-process',
  pillar: 'other',
  unit: 'ratio',
  frequency: 'monthly',
  owner: 'ops lead',
  indicator: 'lagging',
  ...fields,
});

/** Calls with arguments of the wrong type, as an adapter passing raw cell values might. */
export const loose = <F extends (...args: never[]) => unknown>(fn: F) => fn as unknown as (...args: unknown[]) => unknown;

const issueLines = (schema: z.ZodType, input: unknown, line: (issue: z.core.$ZodIssue) => string): string[] => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map(line);
};

/** `path: message` of each issue, for asserting zod messages exactly; [] when the input parses. */
export const issuesOf = (schema: z.ZodType, input: unknown): string[] =>
  issueLines(schema, input, (issue) => `${issue.path.join('.')}: ${issue.message}`);

/** `path: message (code)` of each issue; [] when the input parses. */
export const issuesWithCodesOf = (schema: z.ZodType, input: unknown): string[] =>
  issueLines(schema, input, (issue) => `${issue.path.join('.')}: ${issue.message} (${issue.code})`);

/** The result of the node `id` anywhere in a tree's result; an error naming the id when there is none. */
export function findNode(result: TreeResult, id: string): TreeResult {
  const visit = (r: TreeResult): TreeResult | undefined => (r.node.id === id ? r : r.children.map(visit).find((found) => found !== undefined));
  const found = visit(result);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

/** A KPI row of a flat scorecard sheet (`treeFromRows`), valid as it stands; `fields` override or add columns. */
export const kpiRow = (id: string, parent: string, fields: Record<string, unknown> = {}): ScorecardRow => ({
  id,
  parent,
  kind: 'kpi',
  perspective: 'internal-process',
  pillar: 'other',
  direction: 'higher',
  unit: '%',
  target: 1,
  frequency: 'monthly',
  indicator: 'lagging',
  ...fields,
});

import { complianceRag, complianceTargetOf, type ComplianceTarget, kpisOfTree, type RagStatus, type SlaPolicy, type TreeKpiResult, type TreeNode } from '../../../core';
import type { LegacySource } from './scorecard-facts';

/** A KPI coloured by its policy's agreed level, and the factor its actual carries (100: a gadget's percent source). */
export interface AgreedLevel {
  target: ComplianceTarget;
  factor: number;
}

/**
 * The KPIs whose RAG follows an SLA agreement: sourced `sla:<policy id>` from an app policy and given no
 * status rule of their own. Such a KPI is GREEN from the policy's agreed compliance and RED below it less the amber
 * margin, as the compliance gadget colours the policy. `sla` (all policies) and `sla:jsm:<metric>` have no agreement.
 */
export function agreedLevels(tree: TreeNode, sources: Readonly<Record<string, string>>, legacy: Readonly<Record<string, LegacySource>>, policies: readonly SlaPolicy[]): Map<string, AgreedLevel> {
  const levels = new Map<string, AgreedLevel>();
  for (const kpi of kpisOfTree(tree)) {
    if (kpi.status !== undefined) continue;
    const source = legacy[kpi.id]?.source ?? sources[kpi.id];
    const policyId = source?.trim().startsWith('sla:') ? source.trim().slice('sla:'.length) : undefined;
    const policy = policies.find((p) => p.id === policyId);
    if (policy) levels.set(kpi.id, { target: complianceTargetOf(policy), factor: legacy[kpi.id]?.factor ?? 1 });
  }
  return levels;
}

const RAG: Record<'green' | 'amber' | 'red', RagStatus> = { green: 'GREEN', amber: 'AMBER', red: 'RED' };

/** The KPI's status: by its agreed level when it has one and a value, else the core's. */
export function statusWithAgreement(result: TreeKpiResult, levels: ReadonlyMap<string, AgreedLevel>): TreeKpiResult['status'] {
  const level = levels.get(result.kpi.id);
  if (level === undefined || result.actual === null) return result.status;
  const rag = complianceRag(result.actual / level.factor, level.target);
  return rag === null ? result.status : RAG[rag];
}

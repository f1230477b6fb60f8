import type { SlaPolicy } from '../../../core';
import { checkCatalogue } from '../config/catalogue-store';
import type { JiraChangeHistory } from '../jira/types';
import type { FieldChange } from '../model/field-change';
import { changeValues, type ConditionReads } from './normalise';

/**
 * The OLA owner field of each policy a catalogue service with an OLA uses (docs/INTERNAL-MARKET.md, "OLA chain").
 * No catalogue, or one that no longer validates against these policies: none (the statement view says why).
 */
export function olaOwnerFields(catalogueInput: unknown, policies: readonly SlaPolicy[]): Map<string, string> {
  const owners = new Map<string, string>();
  if (catalogueInput === null) return owners;
  const check = checkCatalogue(catalogueInput, policies);
  if (!check.ok) return owners;
  for (const service of check.catalogue.services) if (service.ola !== null) owners.set(service.policyId, service.ola.owner);
  return owners;
}

/**
 * The changes of the owner fields in a ticket's changelog, one per changelog item (Jira's history id keeps two changes
 * at one instant apart). `ownerReads` maps Jira field ids to the core's field names.
 */
export function ownerFieldChanges(issue: { key: string; project: string; created: number }, histories: readonly JiraChangeHistory[], ownerReads: ConditionReads['fields']): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const history of histories) {
    const at = typeof history.created === 'number' ? history.created : Date.parse(history.created);
    for (const item of history.items) {
      const field = ownerReads.get(item.fieldId ?? item.field);
      if (field === undefined) continue;
      // As the ticket's history does: a change logged a moment before creation happened at creation.
      changes.push({ issueKey: issue.key, project: issue.project, field, changedAt: Math.max(at, issue.created), historyId: history.id, ...changeValues(item) });
    }
  }
  return changes;
}

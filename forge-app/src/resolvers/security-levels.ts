import { browsableIssueIds } from './permissions';

/** An entry of an issue under a security level: the project, the level's id and the issue's id. */
export interface SecuredEntry {
  project: string;
  level: string;
  issueId: string;
}

/**
 * Which issue security levels the viewer may browse, for one request. Browsing a project is not enough to see an issue
 * under a security level, and Jira answers that per issue only, so each (project, level) is checked once through one
 * of its issues (`permissions/check` as the user) and the answer kept for the rest of the request. Entries under no
 * level (most issues) need no check. A level whose sample issue Jira no longer knows counts as not browsable.
 */
export class SecurityLevelGate {
  private readonly verdicts = new Map<string, boolean>();

  /** Of `items`, those under no level or under a level the viewer may browse; one Jira call for all unknown levels. */
  async visible<T>(items: readonly T[], securedOf: (item: T) => SecuredEntry | null): Promise<T[]> {
    const samples = new Map<string, string>();
    for (const item of items) {
      const secured = securedOf(item);
      if (secured === null) continue;
      const level = levelKey(secured);
      if (!this.verdicts.has(level) && !samples.has(level)) samples.set(level, secured.issueId);
    }
    if (samples.size > 0) {
      const browsable = await browsableIssueIds([...samples.values()]);
      for (const [level, issueId] of samples) this.verdicts.set(level, browsable.has(issueId));
    }
    return items.filter((item) => {
      const secured = securedOf(item);
      return secured === null || this.verdicts.get(levelKey(secured)) === true;
    });
  }
}

/** A project's entry's level and issue, as the gate reads it (null: under no level). */
export const securedIn = (project: string, secured: { level: string; issueId: string } | null): SecuredEntry | null => (secured === null ? null : { project, ...secured });

const levelKey = (secured: SecuredEntry) => `${secured.project}\u0000${secured.level}`;

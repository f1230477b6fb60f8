import type { ReportResult } from './result';
import { formatCount, formatPercent } from './format';

/** A group's name in the report: its value, "(none)" when blank, "(all)" over the whole log. */
const groupName = (field: string | null, group: string): string => (field === null ? '(all)' : group || '(none)');

const SIGNAL_HEADERS = ['Signal', 'Cases', 'Of', 'Share', 'Flag above', 'Review'];

/** One table per grouping: its title and rows (group, signal, cases, of, share, threshold, "review before paying"). */
export function signalTables({ gamingSignals }: ReportResult): Array<{ title: string; header: string[]; rows: string[][] }> {
  return (gamingSignals?.byField ?? []).map(({ field, groups }) => ({
    title: field === null ? 'Gaming signals' : `Gaming signals per ${field}`,
    header: [field === null ? 'Log' : field.charAt(0).toUpperCase() + field.slice(1), ...SIGNAL_HEADERS],
    rows: groups.flatMap(({ group, signals }) =>
      signals.map((s) => [groupName(field, group), `${s.signal} ${s.name}`, formatCount(s.count), formatCount(s.of), formatPercent(s.share), formatPercent(s.threshold), s.flagged ? 'review before paying' : '']),
    ),
  }));
}

/** The example tickets of each flagged signal: "impact High, G3 last-minute stops: 1-1, 1-2". */
export function flaggedExamples({ gamingSignals }: ReportResult): string[] {
  return (gamingSignals?.byField ?? []).flatMap(({ field, groups }) =>
    groups.flatMap(({ group, signals }) =>
      signals.filter((s) => s.flagged).map((s) => `${field === null ? '' : `${field} ${groupName(field, group)}, `}${s.signal} ${s.name}: ${s.examples.join(', ')}`),
    ),
  );
}

/** What each signal counts, with the parameters used. */
export function signalNotes({ gamingSignals }: ReportResult): string[] {
  if (gamingSignals === null) return [];
  const { parameters: p, splitRequests } = gamingSignals;
  return [
    `G1: cycles whose goal grew after a goal-choosing field changed (flag above ${formatPercent(p.lengthenedFlag)}).`,
    `G2: stopped cycles followed by a new cycle of the ticket within ${p.reopenWithin} business days (flag above ${formatPercent(p.reopenFlag)}).`,
    `G3: met cycles stopped with under ${formatPercent(p.lastShare)} of the goal left (flag above ${formatPercent(p.lastFlag)} with ${p.lastMinMet}+ met cycles).`,
    `G4: paused / (paused + running) working minutes (flag above ${p.pauseFactor} x the median of the groups, with ${p.pauseMinCycles}+ cycles).`,
    splitRequests
      ? `G5: tickets of one policy and requester, ${p.splitCount}+ within ${p.splitWithin} working minutes (flag above ${formatPercent(p.splitFlag)}).`
      : 'G5 (split requests) needs a mapped "requester" field: left out.',
    'A flagged signal asks for a review before paying; it never changes a score.',
  ];
}

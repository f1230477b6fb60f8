import type { ReportResult } from './result';
import { ENGLISH, type ReportWords, type SignalNoteValues } from './words';

/** A group's name in the report: its value, "(none)" when blank, "(all)" over the whole log. */
const groupName = (field: string | null, group: string, w: ReportWords): string => (field === null ? w.signals.all : group || w.noValue);

/** One table per grouping: its title and rows (group, signal, cases, of, share, threshold, "review before paying"). */
export function signalTables({ gamingSignals }: ReportResult, w: ReportWords = ENGLISH): Array<{ title: string; header: string[]; rows: string[][] }> {
  return (gamingSignals?.byField ?? []).map(({ field, groups }) => ({
    title: field === null ? w.signals.title : w.signals.titlePer(field),
    header: [field === null ? w.signals.log : field.charAt(0).toUpperCase() + field.slice(1), ...w.signals.headers],
    rows: groups.flatMap(({ group, signals }) =>
      signals.map((s) => [groupName(field, group, w), `${s.signal} ${w.signals.names[s.signal] ?? s.name}`, w.count(s.count), w.count(s.of), w.percent(s.share), w.percent(s.threshold), s.flagged ? w.reviewBeforePaying : '']),
    ),
  }));
}

/** The example tickets of each flagged signal: "impact High, G3 last-minute stops: 1-1, 1-2". */
export function flaggedExamples({ gamingSignals }: ReportResult, w: ReportWords = ENGLISH): string[] {
  return (gamingSignals?.byField ?? []).flatMap(({ field, groups }) =>
    groups.flatMap(({ group, signals }) =>
      signals
        .filter((s) => s.flagged)
        .map((s) => `${field === null ? '' : `${field} ${groupName(field, group, w)}, `}${s.signal} ${w.signals.names[s.signal] ?? s.name}: ${s.examples.join(', ')}`),
    ),
  );
}

/** What each signal counts, with the parameters used. */
export function signalNotes({ gamingSignals }: ReportResult, w: ReportWords = ENGLISH): string[] {
  if (gamingSignals === null) return [];
  const shares = new Set<string>(['lengthenedFlag', 'reopenFlag', 'lastShare', 'lastFlag', 'splitFlag']);
  const values = Object.fromEntries(Object.entries(gamingSignals.parameters).map(([name, value]) => [name, shares.has(name) ? w.percent(value) : String(value)]));
  return w.signals.notes(values as SignalNoteValues, gamingSignals.splitRequests);
}

import { invoke } from '@forge/bridge';
import { Button, CodeBlock, DynamicTable, ErrorMessage, Heading, Inline, Label, Lozenge, Select, Stack, Text, Textfield } from '@forge/react';
import { useState } from 'react';
import { formatMinutes, type Messages } from '../i18n/messages';
import type { CycleListAnswer, CycleRow } from '../resolvers/cycle-list';
import { IssueLink } from './issue-link';

const STATE_APPEARANCE = { met: 'success', breached: 'removed', ongoing: 'inprogress', paused: 'moved' } as const;
const STATES = ['met', 'breached', 'ongoing', 'paused'] as const;

interface Filters {
  state: string;
  organization: string;
  fromMonth: string;
  toMonth: string;
}

/**
 * The ticket-level report under the compliance gadget: one policy's cycles (ticket link, goal, start, stop or due,
 * state, elapsed, remaining) with filters by state, organization and months, paging, and the rows as CSV.
 */
export function CycleListPanel({ policyId, projects, t, locale, dateText }: { policyId: string; projects: string[]; t: Messages; locale: string | undefined; dateText: (at: number | null) => string }) {
  const [filters, setFilters] = useState<Filters>({ state: '', organization: '', fromMonth: '', toMonth: '' });
  const [answer, setAnswer] = useState<CycleListAnswer | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const query = (page: number, format: 'page' | 'csv') => ({
    policyId,
    projects,
    page,
    format,
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.organization.trim() ? { group: { field: 'organization', value: filters.organization.trim() } } : {}),
    ...(filters.fromMonth.trim() ? { fromMonth: filters.fromMonth.trim() } : {}),
    ...(filters.toMonth.trim() ? { toMonth: filters.toMonth.trim() } : {}),
  });
  const load = async (page: number, format: 'page' | 'csv') => {
    try {
      const got = (await invoke<CycleListAnswer>('getCycleList', query(page, format))) as CycleListAnswer;
      setFailure(null);
      if ('csv' in got) setCsv(got.csv);
      else setAnswer(got);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  const field = (key: keyof Filters, label: string) => (
    <Stack space="space.050">
      <Label labelFor={`cycles-${key}`}>{label}</Label>
      <Textfield id={`cycles-${key}`} value={filters[key]} onChange={(e: { target: { value?: string } }) => setFilters({ ...filters, [key]: e.target.value ?? '' })} />
    </Stack>
  );
  const stateOptions = [{ label: t.allStates, value: '' }, ...STATES.map((s) => ({ label: t.states[s], value: s }))];
  const page = answer !== null && 'rows' in answer ? answer : null;
  return (
    <Stack space="space.100">
      <Heading size="small">{t.cycleList}</Heading>
      <Inline space="space.100" alignBlock="end">
        <Select inputId="cycles-state" options={stateOptions} value={stateOptions.find((o) => o.value === filters.state)} onChange={(chosen: { value: string } | null) => setFilters({ ...filters, state: chosen?.value ?? '' })} />
        {field('organization', t.organizationFilter)}
        {field('fromMonth', t.fromMonth)}
        {field('toMonth', t.toMonth)}
        <Button onClick={() => void load(0, 'page')}>{t.showCycles}</Button>
        <Button appearance="subtle" onClick={() => void load(0, 'csv')}>{t.exportCycles}</Button>
      </Inline>
      {failure !== null && <ErrorMessage>{failure}</ErrorMessage>}
      {page !== null && <CycleTable rows={page.rows} t={t} locale={locale} dateText={dateText} />}
      {page !== null && (
        <Inline space="space.100" alignBlock="center">
          <Button isDisabled={page.page === 0} onClick={() => void load(page.page - 1, 'page')}>{t.previousPage}</Button>
          <Text>{t.pageOf(page.page + 1, page.pages, page.total)}</Text>
          <Button isDisabled={page.page + 1 >= page.pages} onClick={() => void load(page.page + 1, 'page')}>{t.nextPage}</Button>
        </Inline>
      )}
      {csv !== null && <CodeBlock language="text" text={csv} />}
    </Stack>
  );
}

function CycleTable({ rows, t, locale, dateText }: { rows: CycleRow[]; t: Messages; locale: string | undefined; dateText: (at: number | null) => string }) {
  const c = t.cycleColumns;
  return (
    <DynamicTable
      head={{ cells: [{ key: 'ticket', content: t.ticket }, { key: 'goal', content: c.goal }, { key: 'start', content: c.start }, { key: 'end', content: c.end }, { key: 'state', content: c.state }, { key: 'elapsed', content: c.elapsed }, { key: 'remaining', content: c.remaining }] }}
      rows={rows.map((r) => ({
        key: `${r.key}-${r.start}`,
        cells: [
          { key: 'ticket', content: <IssueLink issueKey={r.key} /> },
          { key: 'goal', content: r.goalLabel },
          { key: 'start', content: dateText(r.start) },
          { key: 'end', content: dateText(r.stop ?? r.due) },
          { key: 'state', content: <Lozenge appearance={STATE_APPEARANCE[r.state]}>{t.states[r.state]}</Lozenge> },
          { key: 'elapsed', content: formatMinutes(r.elapsedMinutes, locale) },
          { key: 'remaining', content: r.remainingMinutes >= 0 ? t.remaining(formatMinutes(r.remainingMinutes, locale)) : t.overdue(formatMinutes(-r.remainingMinutes, locale)) },
        ],
      }))}
    />
  );
}

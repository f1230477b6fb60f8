import { DynamicTable, ErrorMessage, Heading, Stack, Text } from '@forge/react';
import { holidayNameIn } from '../../../core/i18n';
import { formatInstant, formatPeriod, messagesFor } from '../i18n/messages';
import type { CalendarPreviewAnswer } from '../resolvers/admin-calendar';
import { useAdminMessages } from './admin-messages-context';
import { useResolver } from './hooks';
import { UnlicensedMessage } from './unlicensed';

/** The next working windows and the year's holidays, as the core computes them for the calendar text being edited. */
export function CalendarPreviewPanel({ text, locale }: { text: string; locale: string | undefined }) {
  const m = useAdminMessages();
  const answer = useResolver<CalendarPreviewAnswer | { error: string; message: string }>('previewCalendar', { text });
  if (answer.status === 'unlicensed') return <UnlicensedMessage t={messagesFor(locale)} />;
  if (answer.status !== 'ready') return answer.status === 'error' ? <ErrorMessage>{answer.message}</ErrorMessage> : <Text>{m.previewLoading}</Text>;
  const data = answer.data;
  // The resolver answers a refusal or a text the core cannot read already worded in the app language.
  if ('error' in data || !data.ok) return <ErrorMessage>{data.message}</ErrorMessage>;
  const { preview } = data;
  const at = (instant: number) => formatInstant(instant, locale, preview.timeZone);
  const day = (iso: string) => formatPeriod(iso, locale);
  return (
    <Stack space="space.100">
      <Heading size="small">{m.nextWindows(preview.timeZone)}</Heading>
      {preview.windows.length === 0 ? (
        <Text>{m.noWorkingHours}</Text>
      ) : (
        <DynamicTable
          caption={m.nextWindows(preview.timeZone)}
          head={{ cells: [{ key: 'from', content: m.windowFrom }, { key: 'to', content: m.windowTo }] }}
          rows={preview.windows.map((w) => ({ key: String(w.start), cells: [{ key: 'from', content: at(w.start) }, { key: 'to', content: w.open ? m.stillOpen(at(w.end)) : at(w.end) }] }))}
        />
      )}
      <Heading size="small">{m.holidaysOfYear(preview.year)}</Heading>
      {preview.holidays.length === 0 ? (
        <Text>{m.noHolidays}</Text>
      ) : (
        <DynamicTable
          caption={m.holidaysOfYear(preview.year)}
          head={{ cells: [{ key: 'date', content: m.holidayDate }, { key: 'name', content: m.holidayName }] }}
          rows={preview.holidays.map((h, i) => ({ key: `${h.date}-${i}`, cells: [{ key: 'date', content: day(h.date) }, { key: 'name', content: h.country ? `${holidayNameIn(h.name, m.language)} (${h.country})` : m.extraHoliday }] }))}
        />
      )}
      {preview.makeUpDays.length > 0 && <Text>{m.makeUpDaysOfYear(preview.makeUpDays.map((d) => (d.country ? `${day(d.date)} (${d.country})` : day(d.date))).join(', '))}</Text>}
    </Stack>
  );
}

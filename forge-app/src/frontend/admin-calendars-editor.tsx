import { Button, Stack } from '@forge/react';
import type { ConfigProblem } from '../config/problem';
import { type AdminDraft, errorsAt, freshName } from './admin-form';
import { useAdminMessages } from './admin-messages-context';
import { CalendarEditor } from './calendar-editor';

interface CalendarsEditorProps {
  draft: AdminDraft;
  errors: readonly ConfigProblem[];
  update: (changes: Partial<AdminDraft>) => void;
  locale: string | undefined;
  /** The site's zone, the zone of a new calendar. */
  timeZone: string | undefined;
}

/** The admin page's business calendars: one editor each, and a button that adds one. */
export function CalendarsEditor({ draft, errors, update, locale, timeZone }: CalendarsEditorProps) {
  const m = useAdminMessages();
  const calendarNames = draft.calendars.map((c) => c.name);
  const renameCalendar = (index: number, name: string) => {
    const old = draft.calendars[index].name;
    update({
      calendars: draft.calendars.map((c, i) => (i === index ? { ...c, name } : c)),
      // Goals follow their calendar's new name.
      policies: draft.policies.map((p) => ({ ...p, goals: p.goals.map((g) => (g.calendar === old ? { ...g, calendar: name } : g)) })),
    });
  };
  return (
    <Stack space="space.200">
      {draft.calendars.map((calendar, i) => (
        <CalendarEditor
          key={i}
          index={i}
          name={calendar.name}
          text={calendar.text}
          errors={errorsAt(errors, `calendars.${calendar.name}`)}
          locale={locale}
          onName={(name) => renameCalendar(i, name)}
          onText={(text) => update({ calendars: draft.calendars.map((c, j) => (j === i ? { ...c, text } : c)) })}
          onRemove={() => update({ calendars: draft.calendars.filter((_, j) => j !== i) })}
        />
      ))}
      <Button onClick={() => update({ calendars: [...draft.calendars, { name: freshName('calendar', calendarNames), text: `Mo-Fr 08:00-17:00 | tz=${timeZone ?? 'UTC'}` }] })}>{m.addCalendar}</Button>
    </Stack>
  );
}

import { Button, Inline, Label, Select, Stack, Text, TextArea, Textfield } from '@forge/react';
import { fieldErrors, thrownError } from './admin-field-errors';
import { useAdminMessages } from './admin-messages-context';
import { holidayCountryOptions, type Option, ZONES } from './calendar-choices';
import { PartField } from './calendar-part-field';
import { type CalendarSpec, specOfText, textOfSpec, WEEKDAYS } from './calendar-text';
import { CalendarPreviewPanel } from './calendar-preview-panel';

export interface CalendarEditorProps {
  index: number;
  name: string;
  text: string;
  errors: readonly string[];
  locale: string | undefined;
  onName: (name: string) => void;
  onText: (text: string) => void;
  onRemove: () => void;
}

/**
 * One business calendar: weekly windows per weekday (a break is the gap between two windows), time zone, holiday
 * countries, extra holidays and make-up days. It writes the text form the configuration stores, shown below and
 * editable as text too; a text the core cannot read is edited as text until it can.
 */
export function CalendarEditor({ index, name, text, errors, locale, onName, onText, onRemove }: CalendarEditorProps) {
  const m = useAdminMessages();
  const id = (part: string) => `calendar-${index}-${part}`;
  const parsed = specOfText(text);
  const countryOptions = holidayCountryOptions(locale);
  const setSpec = (spec: CalendarSpec) => {
    const written = textOfSpec(spec);
    if (written.ok) onText(written.value);
  };
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="end">
        <Stack space="space.050">
          <Label labelFor={id('name')}>{m.calendarName}</Label>
          <Textfield id={id('name')} value={name} onChange={(e: { target: { value?: string } }) => onName(e.target.value ?? '')} />
        </Stack>
        <Button appearance="subtle" onClick={onRemove}>{m.removeCalendar(name)}</Button>
      </Inline>
      {parsed.ok && (
        <Stack space="space.100">
          <Stack space="space.050">
            <Label labelFor={id('tz')}>{m.timeZone}</Label>
            <Select
              inputId={id('tz')}
              isSearchable
              options={ZONES.map((zone) => ({ label: zone, value: zone }))}
              value={{ label: parsed.value.timeZone, value: parsed.value.timeZone }}
              onChange={(chosen: { value: string } | null) => chosen && setSpec({ ...parsed.value, timeZone: chosen.value })}
            />
          </Stack>
          <Text>{m.weeklyHint}</Text>
          {WEEKDAYS.map((day) => (
            <PartField key={day} id={id(day)} label={m.weekday[day]} spec={parsed.value} part={day} onSpec={setSpec} />
          ))}
          <Stack space="space.050">
            <Label labelFor={id('countries')}>{m.holidayCountries}</Label>
            <Select
              inputId={id('countries')}
              isMulti
              isSearchable
              options={countryOptions}
              value={parsed.value.holidayCountries.map((code) => countryOptions.find((option) => option.value === code) ?? { label: code, value: code })}
              onChange={(chosen: Option[] | null) => setSpec({ ...parsed.value, holidayCountries: (chosen ?? []).map((option) => option.value) })}
            />
          </Stack>
          <PartField id={id('extraHolidays')} label={m.extraHolidays} spec={parsed.value} part="extraHolidays" onSpec={setSpec} />
          <PartField id={id('makeUpDays')} label={m.makeUpDays} spec={parsed.value} part="makeUpDays" onSpec={setSpec} />
        </Stack>
      )}
      <Stack space="space.050">
        <Label labelFor={id('text')}>{m.calendarText}</Label>
        <TextArea id={id('text')} value={text} onChange={(e: { target: { value?: string } }) => onText(e.target.value ?? '')} />
        {!parsed.ok && thrownError(parsed.error)}
        {fieldErrors(errors)}
      </Stack>
      {parsed.ok && <CalendarPreviewPanel text={text} locale={locale} />}
    </Stack>
  );
}

import { z } from 'zod';

/** Wall-clock time of day, `HH:MM`; `24:00` closes a window at midnight. */
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The schemas the Sheets add-on's bundle reaches (here, core/sla and core/scorecard) are built on first use
 * (`z.lazy`), not when their module loads: Code.js loads in a fresh context on every Apps Script execution, and
 * building them all at load cost each execution milliseconds for schemas most formulas never parse.
 */
export const TimeOfDaySchema = z.lazy(() => z.string().regex(TIME_OF_DAY, { message: 'expected a time of day HH:MM (00:00 to 24:00)' }));
const IsoDateSchema = z.lazy(() => z.string().regex(ISO_DATE, { message: 'expected a date YYYY-MM-DD' }));

/** Why a window that ends when it starts is refused: as the schema says it, and the text form for the rule that wrote it. */
export const emptyWindowIssue = (start: string): string =>
  `the window ${start}-${start} is empty (it ends when it starts); for a whole day write 00:00-24:00`;

/**
 * A working window on one day. An `end` at or before `start` crosses midnight and belongs to the day it
 * starts on (`22:00-06:00`); `00:00-24:00` is the whole day.
 */
const WindowSchema = z.lazy(() =>
  z
    .object({ start: TimeOfDaySchema, end: TimeOfDaySchema })
    .refine((w) => w.start !== '24:00', { message: 'a window cannot start at 24:00', path: ['start'] })
    // An end equal to its start would read as a window crossing midnight: 24 hours that nobody meant.
    .refine((w) => w.start !== w.end, {
      error: (issue) => emptyWindowIssue((issue.input as { start: string }).start),
    }),
);
export type Window = z.infer<typeof WindowSchema>;

export const isValidTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const TimeZoneSchema = z.lazy(() =>
  z.string().refine(isValidTimeZone, { message: 'expected an IANA time zone such as Asia/Ho_Chi_Minh or Europe/Brussels' }),
);

/** Weekday keys, Monday first as in opening_hours and in the NETWORKDAYS.INTL mask. */
export const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Unknown keys are an error, not ignored: `Mon` or `monday` would otherwise leave that day without hours. */
const WeeklyHoursSchema = z.lazy(() =>
  z.strictObject(
    Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(WindowSchema).default([])])) as Record<
      Weekday,
      z.ZodDefault<z.ZodArray<typeof WindowSchema>>
    >,
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown weekday key ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} (expected ${WEEKDAYS.join(', ')})`
          : undefined,
    },
  ),
);

const ClosureSchema = z.lazy(() =>
  z.object({
    date: IsoDateSchema,
    start: TimeOfDaySchema,
    end: TimeOfDaySchema,
    name: z.string().optional(),
  }),
);

const HolidaySchema = z.lazy(() => z.object({ date: IsoDateSchema, name: z.string().optional() }));

/** A day worked in exchange for a bridge holiday (common in Vietnam: a Saturday worked before Tết or 30/4). */
const MakeUpDaySchema = z.lazy(() =>
  z.object({
    date: IsoDateSchema,
    /** Hours that day; by default the hours of the weekday named in `like`. */
    windows: z.array(WindowSchema).optional(),
    like: z.enum(WEEKDAYS).default('Mo'),
    name: z.string().optional(),
  }),
);

export const CalendarSpecSchema = z.lazy(() =>
  z.object({
    name: z.string().optional(),
    timeZone: TimeZoneSchema,
    weekly: WeeklyHoursSchema,
    /** Whole-day closures. */
    holidays: z.array(HolidaySchema).default([]),
    /** Countries (ISO 3166 alpha-2, optionally `CC-STATE`) whose public holidays close the calendar. */
    holidayCountries: z.array(z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { message: 'expected a country code such as VN or DE-BY' })).default([]),
    /** Closures of part of a day (a half-day before New Year). */
    closures: z.array(ClosureSchema).default([]),
    makeUpDays: z.array(MakeUpDaySchema).default([]),
  }),
);

export type CalendarSpec = z.output<typeof CalendarSpecSchema>;
export type CalendarSpecInput = z.input<typeof CalendarSpecSchema>;

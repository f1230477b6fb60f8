import { readFile } from 'node:fs/promises';
import { CalendarError, compileCalendarSet, type CalendarSpecInput } from '../core/calendar';
import { createSlaClock, type CalendarSet, type SlaClock, SlaError, type SlaPolicyInput } from '../core/sla';
import { ConfigError, InputError } from './errors';

/** A file the person named on the command line, or a default: `path` to open, `name` as messages show it. */
export interface NamedFile {
  path: string;
  name: string;
}

const REASONS: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied', ENOSPC: 'no space left on device' };
/** A file-system error in a few words. */
export const reason = (error: unknown): string => {
  const { code, message } = error as NodeJS.ErrnoException;
  return REASONS[code ?? ''] ?? message;
};

/** Reads a JSON option file (`--calendars` may also be lines of text forms); an error names the option and file. */
export async function readJson(option: string, file: NamedFile): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file.path, 'utf8');
  } catch (error) {
    throw new InputError(`--${option}: cannot read ${file.name} (${reason(error)})`);
  }
  if (option === 'calendars' && !text.trimStart().startsWith('{')) return readCalendarLines(text, file.name);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`--${option}: ${file.name} is not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Calendars as text, one a line: `office: Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN`; blank lines and
 * lines starting with # are skipped. Gives the same name → spec object as the JSON form (values in the text form).
 */
function readCalendarLines(text: string, name: string): Record<string, string> {
  const calendars: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, i) => {
    const content = line.trim();
    if (content === '' || content.startsWith('#')) return;
    const m = /^([^\s:|]+)\s*:\s*(.+)$/.exec(content); // a name without spaces, then the text form
    if (!m) throw new InputError(`--calendars: ${name} line ${i + 1}: expected "name: Mo-Fr 08:00-17:00 | tz=…" (or a JSON object), got ${JSON.stringify(content)}`);
    if (m[1] in calendars) throw new InputError(`--calendars: ${name} line ${i + 1}: calendar "${m[1]}" is given twice`);
    calendars[m[1]] = m[2];
  });
  if (Object.keys(calendars).length === 0) throw new InputError(`--calendars: ${name}: no calendar (expected lines "name: Mo-Fr 08:00-17:00 | tz=…" or a JSON object)`);
  return calendars;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Compiles each calendar, given as a spec object or in the text form; an error names the calendar. */
export function compileCalendars(specs: unknown): CalendarSet {
  if (!isObject(specs)) throw new ConfigError('calendars', 'expected a JSON object of calendar name → calendar spec (an object or the text form)');
  for (const [name, spec] of Object.entries(specs)) {
    if (!isObject(spec) && typeof spec !== 'string') throw new ConfigError('calendars', `"${name}": expected a calendar spec object or its text form ("Mo-Fr 08:00-17:00 | tz=…")`);
  }
  try {
    return compileCalendarSet(specs as Record<string, CalendarSpecInput | string>);
  } catch (error) {
    if (error instanceof CalendarError) throw new ConfigError('calendars', error);
    throw error;
  }
}

export function createClocks(policies: unknown, calendars: CalendarSet): SlaClock[] {
  if (!Array.isArray(policies) || policies.length === 0) throw new ConfigError('policies', 'expected a JSON array of one or more SLA policies');
  const ids = new Map<string, number>();
  return policies.map((policy, i) => {
    if (!isObject(policy)) throw new ConfigError('policies', `item ${i}: expected an SLA policy object`);
    let clock: SlaClock;
    try {
      clock = createSlaClock(policy as SlaPolicyInput, calendars);
    } catch (error) {
      if (error instanceof SlaError) throw new ConfigError('policies', error);
      throw error;
    }
    // Two policies with one id would count each cycle twice under that id.
    const first = ids.get(clock.policy.id);
    if (first !== undefined) throw new ConfigError('policies', `item ${i}: the id ${JSON.stringify(clock.policy.id)} is already item ${first}'s; give each policy its own id`);
    ids.set(clock.policy.id, i);
    return clock;
  });
}
